package io.glen.spring.data.event;

import java.lang.reflect.Method;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Creates the listeners of {@code @EventListener} methods that take a
 * {@link GlenDocumentChangedEvent} so that an exception from one is logged instead of propagated:
 * a failing listener must not keep the others from hearing about a change (Spring would otherwise
 * stop at the first exception). {@code @TransactionalEventListener} methods are left to Spring.
 */
public class GlenEventListenerFactory implements EventListenerFactory, Ordered {

    private static final System.Logger LOG = System.getLogger(GlenEventListenerFactory.class.getName());

    @Override
    public int getOrder() {
        return 40;
    }

    @Override
    public boolean supportsMethod(Method method) {
        if (AnnotatedElementUtils.hasAnnotation(method,
                org.springframework.transaction.event.TransactionalEventListener.class)) {
            return false;
        }
        for (Class<?> parameter : method.getParameterTypes()) {
            if (GlenDocumentChangedEvent.class.isAssignableFrom(parameter)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        return new ApplicationListenerMethodAdapter(beanName, type, method) {
            @Override
            public void onApplicationEvent(ApplicationEvent event) {
                try {
                    super.onApplicationEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "@EventListener " + method + " failed on " + event, e);
                }
            }
        };
    }
}
