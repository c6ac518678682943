package io.glen.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.glen.engine.query.QueryPlan;
import io.glen.sample.domain.Order;
import io.glen.sample.domain.OrderLine;
import io.glen.sample.domain.OrderRepository;
import io.glen.sample.domain.OrderStatus;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The order list's queries run on indexes, as {@code explain} shows; none scans the collection. */
@SpringBootTest
class OrderQueryPlanTest {

    @Autowired
    OrderRepository orders;

    @Autowired
    GlenEntityTemplate template;

    private List<QueryPlan> plansOf(Runnable queries) {
        List<QueryPlan> plans = new CopyOnWriteArrayList<>();
        Consumer<QueryPlan> listener = plans::add;
        template.addQueryPlanListener(listener);
        try {
            queries.run();
        } finally {
            template.removeQueryPlanListener(listener);
        }
        return plans;
    }

    @Test
    void ordersOfAStatusSortedByTotalAreFoundThroughAStatusIndex() {
        orders.save(new Order("plan", List.of(new OrderLine("P", 1, 10)), Instant.now()));

        List<QueryPlan> plans = plansOf(() -> orders.findByStatus(OrderStatus.NEW,
                PageRequest.of(0, 20, Sort.by(Sort.Order.desc("total")))));

        assertThat(plans).isNotEmpty().allSatisfy(plan -> {
            assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_EQUALITY);
            assertThat(plan.index()).isIn("by_status", "by_status_created", "by_status_total");
        });
    }

    @Test
    void ordersOfAStatusAboveATotalUseTheStatusThenTotalIndex() {
        List<QueryPlan> plans = plansOf(() -> orders.findByStatusAndTotalGreaterThanEqual(OrderStatus.NEW, 50,
                PageRequest.of(0, 20, Sort.by(Sort.Order.desc("total")))));

        assertThat(plans).isNotEmpty().allSatisfy(plan -> {
            assertThat(plan.kind()).isEqualTo(QueryPlan.Kind.INDEX_RANGE);
            assertThat(plan.index()).isEqualTo("by_status_total");
        });
    }
}
