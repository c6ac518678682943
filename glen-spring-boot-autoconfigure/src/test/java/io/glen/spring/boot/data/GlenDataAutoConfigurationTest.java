package io.glen.spring.boot.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.value.Value;
import io.glen.spring.boot.autoconfigure.GlenAutoConfiguration;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.boot.autoconfigure.data.GlenDataAutoConfiguration;
import io.glen.spring.boot.autoconfigure.data.GlenRepositoriesAutoConfiguration;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.convert.GlenCustomConversions;
import io.glen.spring.data.core.convert.MappingGlenConverter;
import io.glen.spring.boot.data.shop.Customer;
import io.glen.spring.boot.data.shop.Order;
import io.glen.spring.boot.data.shop.OrderRepository;
import io.glen.spring.boot.data.shop.OrderStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

class GlenDataAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner withShopPackage() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GlenAutoConfiguration.class, GlenDataAutoConfiguration.class,
                        GlenRepositoriesAutoConfiguration.class))
                .withInitializer(context -> AutoConfigurationPackages.register(
                        (org.springframework.beans.factory.support.BeanDefinitionRegistry) context.getBeanFactory(),
                        Order.class.getPackageName()))
                .withPropertyValues("glen.dir=" + dir);
    }

    @Test
    void repositoriesAreEnabledWithoutAnnotationAndTheMappingConverterServesTheTemplate() {
        withShopPackage().run(context -> {
            assertThat(context).hasSingleBean(OrderRepository.class).hasSingleBean(GlenEntityTemplate.class);
            assertThat(context.getBean(GlenTemplate.class).getConverter()).isInstanceOf(MappingGlenConverter.class);
        });
    }

    @Test
    void repositoriesCanBeSwitchedOff() {
        withShopPackage().withPropertyValues("glen.repositories.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OrderRepository.class)
                    .hasSingleBean(GlenEntityTemplate.class);
        });
    }

    @WritingConverter
    enum CustomerToString implements Converter<Customer, String> {
        INSTANCE;

        @Override
        public String convert(Customer source) {
            return source.id() + "|" + source.name() + "|" + source.city();
        }
    }

    @ReadingConverter
    enum StringToCustomer implements Converter<String, Customer> {
        INSTANCE;

        @Override
        public Customer convert(String source) {
            String[] parts = source.split("\\|");
            return new Customer(parts[0], parts[1], parts[2]);
        }
    }

    @Test
    void applicationConvertersTakePrecedence() {
        withShopPackage().withBean(GlenCustomConversions.class,
                () -> new GlenCustomConversions(List.of(CustomerToString.INSTANCE, StringToCustomer.INSTANCE)))
                .run(context -> {
                    OrderRepository orders = context.getBean(OrderRepository.class);
                    Order saved = orders.save(new Order("CC-1", OrderStatus.OPEN,
                            new Customer("c1", "Ada", "London"), 1, Instant.EPOCH));
                    Value stored = context.getBean(io.glen.engine.GlenDB.class).get("orders", saved.getId());
                    assertThat(stored.get("customer")).isEqualTo(Value.of("c1|Ada|London"));
                    assertThat(orders.findById(saved.getId()).orElseThrow().getCustomer())
                            .isEqualTo(new Customer("c1", "Ada", "London"));
                });
    }

    @Test
    void theTemplateStillSavesPlainMaps() {
        withShopPackage().run(context -> {
            GlenTemplate template = context.getBean(GlenTemplate.class);
            template.save("plain", "x", Map.of("a", 1));
            assertThat(template.findById("plain", "x", Map.class)).contains(Map.of("a", 1L));
        });
    }

    @Test
    void backsOffFromAUserEntityTemplateAndConverter() {
        withShopPackage().withUserConfiguration(UserMapping.class).run(context -> {
            assertThat(context.getBean(MappingGlenConverter.class)).isSameAs(UserMapping.converter);
            assertThat(context.getBean(GlenEntityTemplate.class)).isSameAs(UserMapping.template);
            assertThat(context).hasSingleBean(OrderRepository.class);
        });
    }

    @Test
    void withoutSpringDataTheTemplateConvertsPlainStructures() {
        withShopPackage().withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
                GlenEntityTemplate.class, org.springframework.data.repository.Repository.class)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(GlenEntityTemplate.class)
                            .doesNotHaveBean(OrderRepository.class);
                    assertThat(context.getBean(GlenTemplate.class).getConverter())
                            .isInstanceOf(io.glen.spring.data.core.SimpleGlenValueConverter.class);
                });
    }

    @Test
    void changeEventsReadValuesAsEntitiesThroughTheMappingConverter() {
        withShopPackage().withUserConfiguration(Listener.class).run(context -> {
            context.getBean(OrderRepository.class).save(new Order("E-1", OrderStatus.OPEN,
                    new Customer("c1", "Ada", "London"), 12.5, Instant.parse("2026-12-01T10:00:00Z")));
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(Listener.orders)
                    .anySatisfy(order -> {
                        assertThat(order.getNumber()).isEqualTo("E-1");
                        assertThat(order.getVersion()).isPositive();
                    }));
        });
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class UserMapping {
        static MappingGlenConverter converter;
        static GlenEntityTemplate template;

        @org.springframework.context.annotation.Bean
        MappingGlenConverter myConverter() {
            converter = new MappingGlenConverter(new io.glen.spring.data.core.mapping.GlenMappingContext(),
                    new GlenCustomConversions());
            return converter;
        }

        @org.springframework.context.annotation.Bean
        GlenEntityTemplate myEntityTemplate(GlenTemplate glenTemplate, MappingGlenConverter converter) {
            template = new GlenEntityTemplate(glenTemplate, converter);
            return template;
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Listener {
        static final List<Order> orders = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener(condition = "#event.collection == 'orders'")
        void on(io.glen.spring.data.event.GlenDocumentSavedEvent event) {
            orders.add(event.getValueAs(Order.class));
        }
    }
}
