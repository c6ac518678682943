package io.glen.spring.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.spring.data.transaction.GlenTransactionManager;
import io.glen.engine.GlenDB;
import io.glen.engine.value.Value;
import io.glen.spring.boot.autoconfigure.GlenAutoConfiguration;
import io.glen.spring.boot.autoconfigure.GlenTransactionManagerAutoConfiguration;
import io.glen.spring.data.core.GlenTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class GlenTransactionManagerAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GlenAutoConfiguration.class,
                        GlenTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        TransactionManagerCustomizationAutoConfiguration.class))
                .withPropertyValues("glen.dir=" + dir, "glen.wal.sync=none");
    }

    @Test
    void aGlenTransactionManagerIsTheDefaultAndTransactionalProxiesUseIt() {
        runner().withUserConfiguration(ServiceConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(GlenTransactionManager.class).hasBean("glenTransactionManager")
                    .hasSingleBean(TransactionTemplate.class);
            assertThat(context.getBean(PlatformTransactionManager.class)).isSameAs(context.getBean("glenTransactionManager"));
            Service service = context.getBean(Service.class);
            assertThat(org.springframework.aop.support.AopUtils.isAopProxy(service))
                    .as("@EnableTransactionManagement came from Boot's TransactionAutoConfiguration").isTrue();
            GlenDB db = context.getBean(GlenDB.class);
            try {
                service.writeTwoThenFail();
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(db.count("c")).isZero();
        });
    }

    @Test
    void springTransactionPropertiesApply() {
        runner().withPropertyValues("spring.transaction.default-timeout=7s",
                "spring.transaction.rollback-on-commit-failure=true").run(context -> {
                    GlenTransactionManager tm = context.getBean(GlenTransactionManager.class);
                    assertThat(tm.getDefaultTimeout()).isEqualTo(7);
                    assertThat(tm.isRollbackOnCommitFailure()).isTrue();
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesOne() {
        runner().withUserConfiguration(UserTransactionManager.class).run(context -> {
            assertThat(context).hasSingleBean(GlenTransactionManager.class).doesNotHaveBean("glenTransactionManager");
            assertThat(context.getBean(GlenTransactionManager.class)).isSameAs(context.getBean("myGlenTransactionManager"));
        });
    }

    @Test
    void anotherTransactionManagerStaysTheDefault() {
        runner().withUserConfiguration(OtherTransactionManager.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(GlenTransactionManager.class);
            assertThat(context.getBean(PlatformTransactionManager.class))
                    .as("Glen's is a @Fallback candidate").isSameAs(context.getBean("otherTransactionManager"));
        });
    }

    @Test
    void noTransactionManagerWithoutADatabaseOrSpringTx() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GlenTransactionManagerAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GlenTransactionManager.class));
        runner().withClassLoader(new FilteredClassLoader(PlatformTransactionManager.class))
                .run(context -> assertThat(context).doesNotHaveBean(GlenTransactionManager.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceConfiguration {
        @Bean
        Service service(GlenTemplate template) {
            return new Service(template);
        }
    }

    static class Service {
        private final GlenTemplate template;

        Service(GlenTemplate template) {
            this.template = template;
        }

        @Transactional
        public void writeTwoThenFail() {
            template.save("c", "a", Value.of(1));
            template.save("c", "b", Value.of(2));
            throw new IllegalStateException("fail");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTransactionManager {
        @Bean
        GlenTransactionManager myGlenTransactionManager(GlenDB db) {
            return new GlenTransactionManager(db);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherTransactionManager {
        @Bean
        PlatformTransactionManager otherTransactionManager() {
            return new AbstractPlatformTransactionManager() {
                @Override
                protected Object doGetTransaction() {
                    return new Object();
                }

                @Override
                protected void doBegin(Object transaction, TransactionDefinition definition) {
                }

                @Override
                protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
                }

                @Override
                protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {
                }
            };
        }
    }
}
