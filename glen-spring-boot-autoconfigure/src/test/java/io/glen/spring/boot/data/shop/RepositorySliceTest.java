package io.glen.spring.boot.data.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import io.glen.spring.data.config.EnableGlenAuditing;
import io.glen.spring.data.core.mapping.event.AfterDeleteEvent;
import io.glen.spring.data.core.mapping.event.AfterLoadEvent;
import io.glen.spring.data.core.mapping.event.AfterSaveEvent;
import io.glen.spring.data.core.mapping.event.BeforeConvertCallback;
import io.glen.spring.data.core.mapping.event.GlenMappingEvent;
import io.glen.spring.boot.test.autoconfigure.DataGlenTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

@DataGlenTest
class RepositorySliceTest {

    @TestConfiguration
    @EnableGlenAuditing
    static class Config {
        final List<GlenMappingEvent<?>> events = java.util.Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(GlenMappingEvent<?> event) {
            events.add(event);
        }

        @Bean
        BeforeConvertCallback<Order> trimNumbers() {
            return (order, collection) -> {
                if (order.getNumber() != null) {
                    order.setNumber(order.getNumber().trim());
                }
                return order;
            };
        }
    }

    @Autowired
    OrderRepository orders;

    @Autowired
    NoteRepository notes;

    @Autowired
    TagRepository tags;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    GlenDB db;

    @Autowired
    Config config;

    private static Order order(String number, OrderStatus status, double total) {
        return new Order(number, status, new Customer("c1", "Ada Lovelace", "London"), total, Instant.EPOCH);
    }

    @BeforeEach
    void clean() {
        orders.deleteAll();
        notes.deleteAll();
        tags.deleteAll();
        config.events.clear();
    }

    @Test
    void theSliceRunsOnATemporaryDirectory() {
        assertThat(db.directory().toString()).contains("glen-test-");
    }

    @Test
    void versionIsSetOnSaveAndStaleSavesFail() {
        Order saved = orders.save(order("A-1", OrderStatus.OPEN, 10));
        assertThat(saved.getVersion()).isPositive();
        Order copy = orders.findById(saved.getId()).orElseThrow();
        saved.setTotal(20);
        Order updated = orders.save(saved);
        assertThat(updated.getVersion()).isGreaterThan(copy.getVersion());
        copy.setTotal(30);
        assertThatThrownBy(() -> orders.save(copy)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> orders.delete(copy)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(orders.findById(saved.getId()).orElseThrow().getTotal()).isEqualTo(20);
    }

    @Test
    void aNewEntityWithAnExistingIdIsNotSilentlyOverwritten() {
        Order first = order("B-1", OrderStatus.OPEN, 1);
        first.setId("fixed");
        orders.save(first);
        Order second = order("B-2", OrderStatus.OPEN, 2);
        second.setId("fixed");
        assertThatThrownBy(() -> orders.save(second)).isInstanceOf(DuplicateKeyException.class);
        assertThat(orders.findById("fixed").orElseThrow().getNumber()).isEqualTo("B-1");
    }

    @Test
    void twoThreadsUpdatingTheSameVersionLetExactlyOneWin() throws Exception {
        Order saved = orders.save(order("C-1", OrderStatus.OPEN, 1));
        for (int round = 0; round < 20; round++) {
            Order a = orders.findById(saved.getId()).orElseThrow();
            Order b = orders.findById(saved.getId()).orElseThrow();
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Order o : List.of(a, b)) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    o.setTotal(o.getTotal() + 1);
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        orders.save(o);
                        return true;
                    } catch (OptimisticLockingFailureException e) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> result : results) {
                wins += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(wins).as("round %d", round).isEqualTo(1);
        }
        assertThat(orders.findById(saved.getId()).orElseThrow().getTotal()).isEqualTo(21);
    }

    @Test
    void transactionalRollbackLeavesNothingBehindAndCommitWritesEverything() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            orders.save(order("T-1", OrderStatus.OPEN, 1));
            orders.save(order("T-2", OrderStatus.OPEN, 2));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(orders.count()).isZero();
        transactions.executeWithoutResult(status -> {
            orders.save(order("T-3", OrderStatus.OPEN, 3));
            orders.save(order("T-4", OrderStatus.OPEN, 4));
        });
        assertThat(orders.findAll()).extracting(Order::getNumber).containsExactlyInAnyOrder("T-3", "T-4");
        List<Long> versions = orders.findAll().stream().map(o -> db.version("orders", o.getId())).distinct().toList();
        assertThat(versions).as("one atomic batch").hasSize(1);
    }

    @Test
    void findAllByIdReturnsTheEntitiesThatExistInRequestOrder() {
        tags.saveAll(List.of(new Tag("a", "A"), new Tag("b", "B"), new Tag("c", "C")));
        assertThat(tags.findAllById(List.of("c", "missing", "a", "c")))
                .containsExactly(new Tag("c", "C"), new Tag("a", "A"), new Tag("c", "C"));
        assertThat(tags.findAllById(List.of())).isEmpty();
        assertThat(tags.findAllById(List.of("nothing"))).isEmpty();
        assertThat(config.events).filteredOn(e -> e instanceof AfterLoadEvent).hasSize(3);

        Note first = notes.save(new Note(null, null, "first", null, null));
        Note second = notes.save(notes.save(new Note(null, null, "second", null, null)).withText("second again"));
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(notes.findAllById(List.of(second.id(), "missing", first.id()))).containsExactly(second, first);

        transactions.executeWithoutResult(status -> {
            tags.save(new Tag("d", "D"));
            tags.deleteById("b");
            assertThat(tags.findAllById(List.of("d", "b", "a"))).containsExactly(new Tag("d", "D"), new Tag("a", "A"));
        });
        assertThat(tags.findAllById(List.of("b", "d"))).containsExactly(new Tag("d", "D"));
    }

    @Test
    void recordsAreInstantiatedThroughTheirConstructorAndAudited() {
        Note note = notes.save(new Note(null, null, "hello", null, null));
        assertThat(note.id()).isNotNull();
        assertThat(note.version()).isPositive();
        assertThat(note.created()).isNotNull();
        assertThat(note.modified()).isNotNull();
        Note edited = notes.save(note.withText("hello again"));
        assertThat(edited.created()).isEqualTo(note.created());
        assertThat(edited.modified()).isAfterOrEqualTo(note.modified());
        assertThat(notes.findByTextStartingWith("hello")).containsExactly(edited);
    }

    @Test
    void callbacksAndMappingEventsFireAroundSaveLoadAndDelete() {
        Order saved = orders.save(order("  E-1  ", OrderStatus.OPEN, 1));
        assertThat(saved.getNumber()).as("BeforeConvertCallback ran").isEqualTo("E-1");
        assertThat(db.get("orders", saved.getId()).at("number").asString()).isEqualTo("E-1");
        orders.findById(saved.getId());
        orders.delete(orders.findById(saved.getId()).orElseThrow());
        assertThat(config.events).extracting(e -> e.getClass().getSimpleName())
                .contains("BeforeConvertEvent", "BeforeSaveEvent", "AfterSaveEvent", "AfterLoadEvent",
                        "BeforeDeleteEvent", "AfterDeleteEvent");
        assertThat(config.events).filteredOn(e -> e instanceof AfterSaveEvent).first()
                .satisfies(e -> assertThat(e.getCollection()).isEqualTo("orders"));
        assertThat(config.events).filteredOn(e -> e instanceof AfterLoadEvent).isNotEmpty();
        assertThat(config.events).filteredOn(e -> e instanceof AfterDeleteEvent).hasSize(1);
    }

    @Test
    void queryByExampleMatchesNonNullProperties() {
        orders.save(order("Q-1", OrderStatus.OPEN, 10));
        orders.save(order("Q-2", OrderStatus.PAID, 10));
        Order other = order("X-3", OrderStatus.OPEN, 5);
        other.setCustomer(new Customer("c2", "Grace Hopper", "Arlington"));
        orders.save(other);

        Order probe = new Order();
        probe.setStatus(OrderStatus.OPEN);
        ExampleMatcher ignoreTotal = ExampleMatcher.matching().withIgnorePaths("total", "express");
        assertThat(orders.findAll(Example.of(probe, ignoreTotal))).extracting(Order::getNumber)
                .containsExactlyInAnyOrder("Q-1", "X-3");

        Order byCustomer = new Order();
        byCustomer.setCustomer(new Customer(null, "grace", null));
        ExampleMatcher startsIgnoringCase = ExampleMatcher.matching().withIgnorePaths("total", "express")
                .withStringMatcher(ExampleMatcher.StringMatcher.STARTING).withIgnoreCase();
        assertThat(orders.findAll(Example.of(byCustomer, startsIgnoringCase))).extracting(Order::getNumber)
                .containsExactly("X-3");

        Order numberPrefix = new Order();
        numberPrefix.setNumber("Q-");
        ExampleMatcher prefix = ExampleMatcher.matching().withIgnorePaths("total", "express")
                .withMatcher("number", ExampleMatcher.GenericPropertyMatchers.startsWith());
        Example<Order> example = Example.of(numberPrefix, prefix);
        assertThat(orders.count(example)).isEqualTo(2);
        assertThat(orders.exists(example)).isTrue();
        assertThat(orders.findAll(example, Sort.by(Sort.Direction.DESC, "number"))).extracting(Order::getNumber)
                .containsExactly("Q-2", "Q-1");
        assertThat(orders.findAll(example, PageRequest.of(0, 1, Sort.by("number"))).getTotalElements()).isEqualTo(2);
        List<OrderSummary> summaries = orders.findBy(example, q -> q.sortBy(Sort.by("number")).as(OrderSummary.class).all());
        assertThat(summaries).extracting(OrderSummary::getNumber).containsExactly("Q-1", "Q-2");
        Order first = orders.findBy(example, q -> q.sortBy(Sort.by("number")).firstValue());
        assertThat(first.getNumber()).isEqualTo("Q-1");
    }
}
