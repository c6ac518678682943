package io.glen.spring.data.core.mapping.event;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.core.Ordered;
import org.springframework.data.auditing.IsNewAwareAuditingHandler;
import org.springframework.util.Assert;

/**
 * Sets {@code @CreatedDate}, {@code @CreatedBy}, {@code @LastModifiedDate} and
 * {@code @LastModifiedBy} before an entity is converted; registered by
 * {@link io.glen.spring.data.config.EnableGlenAuditing}.
 */
public class AuditingEntityCallback implements BeforeConvertCallback<Object>, Ordered {

    private final ObjectFactory<IsNewAwareAuditingHandler> auditingHandler;

    /** A callback using the auditing handler the factory provides (lazily). */
    public AuditingEntityCallback(ObjectFactory<IsNewAwareAuditingHandler> auditingHandler) {
        Assert.notNull(auditingHandler, "IsNewAwareAuditingHandler must not be null");
        this.auditingHandler = auditingHandler;
    }

    @Override
    public Object onBeforeConvert(Object entity, String collection) {
        return auditingHandler.getObject().markAudited(entity);
    }

    @Override
    public int getOrder() {
        return 100;
    }
}
