package io.glen.spring.boot.autoconfigure;

import io.glen.engine.GlenDB;
import io.glen.spring.data.transaction.GlenTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A {@link GlenTransactionManager} named {@code glenTransactionManager}, so that {@code @Transactional}
 * methods run their {@code GlenTemplate} calls in one Glen transaction. It backs off when the
 * application defines its own {@link GlenTransactionManager}, and takes Spring Boot's
 * {@code spring.transaction.*} settings (default timeout, rollback on commit failure) through
 * {@link TransactionManagerCustomizers}.
 *
 * <p>Spring Boot's {@link TransactionAutoConfiguration} (module {@code spring-boot-transaction}, a
 * dependency of this starter) turns on {@code @EnableTransactionManagement} once a transaction manager
 * exists, so this configuration runs before it.
 *
 * <p>The bean is a {@link Fallback @Fallback} candidate, and this configuration runs after Boot's JDBC
 * and JPA transaction managers (which back off when any transaction manager exists): an application
 * that also has one of those keeps it as the default for {@code @Transactional}, and selects Glen's
 * with {@code @Transactional("glenTransactionManager")}. With no other transaction manager, Glen's is
 * the default.
 */
@AutoConfiguration(after = {GlenAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class},
        before = TransactionAutoConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnClass({GlenDB.class, PlatformTransactionManager.class})
@ConditionalOnBean(GlenDB.class)
public final class GlenTransactionManagerAutoConfiguration {

    @Bean
    @Fallback
    @ConditionalOnMissingBean(GlenTransactionManager.class)
    GlenTransactionManager glenTransactionManager(GlenDB db, ObjectProvider<TransactionManagerCustomizers> customizers) {
        GlenTransactionManager transactionManager = new GlenTransactionManager(db);
        customizers.ifAvailable(c -> c.customize(transactionManager));
        return transactionManager;
    }
}
