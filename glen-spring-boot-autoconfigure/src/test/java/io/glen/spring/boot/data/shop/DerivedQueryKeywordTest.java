package io.glen.spring.boot.data.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.GlenDB;
import io.glen.engine.index.IndexDefinition;
import io.glen.engine.query.QueryPlan;
import io.glen.spring.data.core.GlenEntityTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every supported derived-query keyword over a realistic entity, compared with a plain Java
 * computation over the same data — once with the declared indexes and once with every index dropped.
 */
@SpringBootTest(classes = ShopApplication.class)
class DerivedQueryKeywordTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void glen(DynamicPropertyRegistry registry) {
        registry.add("glen.dir", () -> dir.toString());
    }

    private static final String[][] CUSTOMERS = {
            {"c0", "Ada Lovelace", "London"}, {"c1", "alan turing", "Manchester"}, {"c2", "Grace Hopper", "Arlington"},
            {"c3", "Émile Borel", "Paris"}, {"c4", "Kurt Gödel", "Vienna"}, {"c5", "Ada Yonath", "Rehovot"},
            {"c6", "Edsger Dijkstra", "Austin"}, {"c7", "Barbara Liskov", "Boston"}};
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    OrderRepository orders;

    @Autowired
    GlenEntityTemplate template;

    @Autowired
    GlenDB db;

    List<Order> all;

    @BeforeEach
    void load() {
        template.ensureIndexes(Order.class);
        orders.deleteAll();
        Random random = new Random(7);
        for (int i = 0; i < 160; i++) {
            String[] c = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
            Order order = new Order(String.format("N-%04d", i), OrderStatus.values()[random.nextInt(4)],
                    new Customer(c[0], c[1], c[2]), Math.round(random.nextDouble() * 50000) / 100.0,
                    BASE.plusSeconds(random.nextInt(1_000_000)).plusNanos(random.nextInt(1000)));
            order.setExpress(random.nextInt(4) == 0);
            order.setNote(random.nextBoolean() ? null : "leave at door " + i);
            int tagCount = random.nextInt(4);
            order.setTags(tagCount == 3 ? null : new ArrayList<>(List.of("gift", "fragile", "bulk").subList(0, tagCount)));
            order.setDiscount(random.nextBoolean() ? new BigDecimal("1.25") : null);
            order.setDeliveryDate(LocalDate.of(2026, 2, 1).plusDays(random.nextInt(60)));
            orders.save(order);
        }
        all = orders.findAll();
        assertThat(all).hasSize(160);
    }

    private void expect(String what, List<Order> actual, Predicate<Order> predicate) {
        List<String> expected = all.stream().filter(predicate).map(Order::getNumber).sorted().toList();
        assertThat(actual.stream().map(Order::getNumber).sorted().toList()).as(what).isEqualTo(expected);
    }

    private void expectOrdered(String what, List<Order> actual, Predicate<Order> predicate, Comparator<Order> order) {
        List<String> expected = all.stream().filter(predicate).sorted(order).map(Order::getNumber).toList();
        assertThat(actual.stream().map(Order::getNumber).toList()).as(what).isEqualTo(expected);
    }

    private static Predicate<Order> name(Predicate<String> p) {
        return o -> p.test(o.getCustomer().name());
    }

    private void runEveryKeyword(String mode) {
        expect(mode + " Is", orders.findByStatus(OrderStatus.PAID), o -> o.getStatus() == OrderStatus.PAID);
        expect(mode + " Not", orders.findByStatusNot(OrderStatus.PAID), o -> o.getStatus() != OrderStatus.PAID);
        expect(mode + " In", orders.findByStatusIn(List.of(OrderStatus.OPEN, OrderStatus.SHIPPED)),
                o -> EnumSet.of(OrderStatus.OPEN, OrderStatus.SHIPPED).contains(o.getStatus()));
        expect(mode + " NotIn", orders.findByStatusNotIn(List.of(OrderStatus.OPEN)), o -> o.getStatus() != OrderStatus.OPEN);
        expect(mode + " True", orders.findByExpressTrue(), Order::isExpress);
        expect(mode + " False", orders.findByExpressFalse(), o -> !o.isExpress());
        expect(mode + " IsNull", orders.findByNoteIsNull(), o -> o.getNote() == null);
        expect(mode + " IsNotNull", orders.findByNoteIsNotNull(), o -> o.getNote() != null);
        expect(mode + " Exists", orders.findByNoteExists(), o -> o.getNote() != null);
        expect(mode + " GreaterThan", orders.findByTotalGreaterThan(250), o -> o.getTotal() > 250);
        expect(mode + " GreaterThanEqual", orders.findByTotalGreaterThanEqual(all.get(3).getTotal()),
                o -> o.getTotal() >= all.get(3).getTotal());
        expect(mode + " LessThan", orders.findByTotalLessThan(100), o -> o.getTotal() < 100);
        expect(mode + " LessThanEqual", orders.findByTotalLessThanEqual(all.get(5).getTotal()),
                o -> o.getTotal() <= all.get(5).getTotal());
        expect(mode + " Between", orders.findByTotalBetween(100.0, 200.0), o -> o.getTotal() >= 100 && o.getTotal() <= 200);
        expect(mode + " Between(Range)", orders.findByTotalBetween(Range.rightOpen(100.0, 200.0)),
                o -> o.getTotal() >= 100 && o.getTotal() < 200);
        expect(mode + " Between(open Range)", orders.findByTotalBetween(Range.open(100.0, 200.0)),
                o -> o.getTotal() > 100 && o.getTotal() < 200);
        Instant middle = BASE.plusSeconds(500_000);
        expect(mode + " Before", orders.findByCreatedAtBefore(middle), o -> o.getCreatedAt().isBefore(middle));
        expect(mode + " After", orders.findByCreatedAtAfter(middle), o -> o.getCreatedAt().isAfter(middle));
        expect(mode + " StartingWith", orders.findByCustomerNameStartingWith("Ada"), name(n -> n.startsWith("Ada")));
        expect(mode + " EndingWith", orders.findByCustomerNameEndingWith("er"), name(n -> n.endsWith("er")));
        expect(mode + " Containing", orders.findByCustomerNameContaining("ar"), name(n -> n.contains("ar")));
        expect(mode + " NotContaining", orders.findByCustomerNameNotContaining("ar"), name(n -> !n.contains("ar")));
        expect(mode + " Like", orders.findByCustomerNameLike("%a_a%"), name(n -> Pattern.matches(".*a.a.*", n)));
        expect(mode + " NotLike", orders.findByCustomerNameNotLike("Ada%"), name(n -> !n.startsWith("Ada")));
        expect(mode + " IgnoreCase", orders.findByCustomerNameIgnoreCase("ALAN TURING"),
                name(n -> n.equalsIgnoreCase("alan turing")));
        expect(mode + " StartingWithIgnoreCase", orders.findByCustomerNameStartingWithIgnoreCase("éMILE"),
                name(n -> n.toLowerCase().startsWith("émile")));
        expect(mode + " Regex", orders.findByNumberRegex("N-00[0-4]\\d"), o -> o.getNumber().matches("N-00[0-4]\\d"));
        expect(mode + " Containing (collection)", orders.findByTagsContaining("fragile"),
                o -> o.getTags() != null && o.getTags().contains("fragile"));
        expect(mode + " IsEmpty", orders.findByTagsIsEmpty(), o -> o.getTags() == null || o.getTags().isEmpty());
        expect(mode + " IsNotEmpty", orders.findByTagsIsNotEmpty(), o -> o.getTags() != null && !o.getTags().isEmpty());
        expect(mode + " nested path", orders.findByCustomerCity("Paris"), o -> o.getCustomer().city().equals("Paris"));
        expect(mode + " And", orders.findByStatusAndTotalGreaterThan(OrderStatus.OPEN, 300),
                o -> o.getStatus() == OrderStatus.OPEN && o.getTotal() > 300);
        expect(mode + " Or", orders.findByStatusOrExpressTrue(OrderStatus.CANCELLED),
                o -> o.getStatus() == OrderStatus.CANCELLED || o.isExpress());
        expectOrdered(mode + " OrderBy desc", orders.findByStatusOrderByTotalDesc(OrderStatus.SHIPPED),
                o -> o.getStatus() == OrderStatus.SHIPPED, Comparator.comparingDouble(Order::getTotal).reversed());
        expectOrdered(mode + " Sort parameter", orders.findByStatus(OrderStatus.OPEN, Sort.by("customer.name", "total")),
                o -> o.getStatus() == OrderStatus.OPEN,
                Comparator.comparing((Order o) -> o.getCustomer().name()).thenComparingDouble(Order::getTotal));
        List<Order> top = orders.findTop3ByStatusOrderByTotalDesc(OrderStatus.PAID);
        expectOrdered(mode + " Top3", top, o -> o.getStatus() == OrderStatus.PAID && all.stream()
                .filter(x -> x.getStatus() == OrderStatus.PAID).sorted(Comparator.comparingDouble(Order::getTotal).reversed())
                .limit(3).anyMatch(x -> x.getNumber().equals(o.getNumber())),
                Comparator.comparingDouble(Order::getTotal).reversed());
        assertThat(orders.findFirstByCustomerIdOrderByCreatedAtAsc("c3").map(Order::getNumber)).as(mode + " First")
                .isEqualTo(all.stream().filter(o -> o.getCustomer().id().equals("c3"))
                        .min(Comparator.comparing(Order::getCreatedAt)).map(Order::getNumber));
        expect(mode + " Distinct", orders.findDistinctByStatus(OrderStatus.PAID), o -> o.getStatus() == OrderStatus.PAID);
        try (var stream = orders.streamByStatus(OrderStatus.OPEN)) {
            expect(mode + " Stream", stream.toList(), o -> o.getStatus() == OrderStatus.OPEN);
        }
        assertThat(orders.findByNumber("N-0042").getNumber()).isEqualTo("N-0042");
        assertThat(orders.findOptionalByNumber("none")).isEmpty();
        assertThat(orders.countByStatus(OrderStatus.PAID)).as(mode + " count")
                .isEqualTo(all.stream().filter(o -> o.getStatus() == OrderStatus.PAID).count());
        assertThat(orders.existsByStatus(OrderStatus.CANCELLED)).isEqualTo(
                all.stream().anyMatch(o -> o.getStatus() == OrderStatus.CANCELLED));
        List<OrderSummary> summaries = orders.findSummaryByStatus(OrderStatus.PAID);
        assertThat(summaries).as(mode + " interface projection").allMatch(s -> s.getStatus() == OrderStatus.PAID)
                .hasSize((int) all.stream().filter(o -> o.getStatus() == OrderStatus.PAID).count());
        List<OrderTotal> totals = orders.findTotalByStatusOrderByTotalAsc(OrderStatus.SHIPPED);
        assertThat(totals).as(mode + " DTO projection").extracting(OrderTotal::number).isEqualTo(all.stream()
                .filter(o -> o.getStatus() == OrderStatus.SHIPPED).sorted(Comparator.comparingDouble(Order::getTotal))
                .map(Order::getNumber).toList());
        assertThat(orders.findByExpress(true, OrderSummary.class)).as(mode + " dynamic projection")
                .hasSize((int) all.stream().filter(Order::isExpress).count());
    }

    private void dropAllIndexes() {
        for (IndexDefinition definition : db.indexes("orders")) {
            db.dropIndex("orders", definition.name());
        }
        assertThat(db.indexes("orders")).isEmpty();
    }

    @Test
    void everyKeywordAgreesWithJavaWithAndWithoutIndexes() {
        assertThat(db.indexes("orders")).extracting(IndexDefinition::name)
                .contains("by_number", "by_status", "by_total", "by_createdAt", "by_customer_id", "by_status_total");
        runEveryKeyword("indexed");
        dropAllIndexes();
        runEveryKeyword("scan");
    }

    @Test
    void indexedDerivedQueriesUseTheirIndexes() {
        List<QueryPlan> plans = new ArrayList<>();
        Consumer<QueryPlan> listener = plans::add;
        template.addQueryPlanListener(listener);
        try {
            orders.findByStatus(OrderStatus.PAID);
            orders.findByTotalBetween(100.0, 200.0);
            orders.findByStatusAndTotalGreaterThan(OrderStatus.OPEN, 300);
            orders.findByCustomerId("c1");
            orders.findByStatusIn(List.of(OrderStatus.OPEN, OrderStatus.PAID));
            orders.findByCustomerNameContaining("ar");
        } finally {
            template.removeQueryPlanListener(listener);
        }
        assertThat(plans).extracting(p -> p.kind() + " " + p.index()).containsExactly(
                "INDEX_EQUALITY by_status", "INDEX_RANGE by_total", "INDEX_RANGE by_status_total",
                "INDEX_EQUALITY by_customer_id", "INDEX_IN by_status", "FULL_SCAN null");
    }

    @Test
    void pagingSlicingAndScrolling() {
        List<Order> paid = all.stream().filter(o -> o.getStatus() == OrderStatus.PAID)
                .sorted(Comparator.comparingDouble(Order::getTotal)).toList();
        Page<Order> page = orders.findByStatus(OrderStatus.PAID, PageRequest.of(1, 7, Sort.by("total")));
        assertThat(page.getTotalElements()).isEqualTo(paid.size());
        assertThat(page.getContent()).extracting(Order::getNumber)
                .isEqualTo(paid.subList(7, Math.min(14, paid.size())).stream().map(Order::getNumber).toList());
        Slice<Order> slice = orders.findSliceByStatus(OrderStatus.PAID, PageRequest.of(0, 5, Sort.by("total")));
        assertThat(slice.hasNext()).isEqualTo(paid.size() > 5);
        assertThat(slice.getContent()).hasSize(Math.min(5, paid.size()));

        Page<Order> repoPage = orders.findAll(PageRequest.of(2, 10, Sort.by(Sort.Direction.DESC, "createdAt")));
        assertThat(repoPage.getTotalElements()).isEqualTo(160);
        assertThat(repoPage.getContent()).extracting(Order::getNumber).isEqualTo(all.stream()
                .sorted(Comparator.comparing(Order::getCreatedAt).reversed()).skip(20).limit(10).map(Order::getNumber).toList());

        for (ScrollPosition start : List.of(ScrollPosition.offset(), ScrollPosition.keyset())) {
            List<String> seen = new ArrayList<>();
            Window<Order> window = orders.findFirst5ByStatusOrderByTotalAsc(OrderStatus.PAID, start);
            while (true) {
                window.forEach(o -> seen.add(o.getNumber()));
                if (!window.hasNext()) {
                    break;
                }
                window = orders.findFirst5ByStatusOrderByTotalAsc(OrderStatus.PAID, window.positionAt(window.size() - 1));
            }
            assertThat(seen).as("scrolling from " + start).isEqualTo(paid.stream().map(Order::getNumber).toList());
        }
    }

    @Test
    void keysetScrollingSurvivesChangesBetweenWindows() {
        Window<Order> first = orders.findFirst5ByStatusOrderByTotalAsc(OrderStatus.OPEN, ScrollPosition.keyset());
        Order last = first.getContent().get(first.size() - 1);
        orders.delete(last);
        Order cheap = new Order("N-NEW", OrderStatus.OPEN, new Customer("c0", "Ada Lovelace", "London"), 0.01, BASE);
        orders.save(cheap);
        Window<Order> second = orders.findFirst5ByStatusOrderByTotalAsc(OrderStatus.OPEN, first.positionAt(first.size() - 1));
        assertThat(second.getContent()).allMatch(o -> o.getTotal() >= last.getTotal())
                .noneMatch(o -> o.getNumber().equals("N-NEW"));
    }

    @Test
    void deleteQueriesRemoveAndReport() {
        long cancelled = all.stream().filter(o -> o.getStatus() == OrderStatus.CANCELLED).count();
        assertThat(orders.deleteByStatus(OrderStatus.CANCELLED)).isEqualTo(cancelled);
        assertThat(orders.countByStatus(OrderStatus.CANCELLED)).isZero();
        List<Order> removed = orders.removeByCustomerCity("Paris");
        assertThat(removed).allMatch(o -> o.getCustomer().city().equals("Paris"));
        assertThat(orders.findByCustomerCity("Paris")).isEmpty();
    }

    @Test
    void aSingleResultQueryMatchingSeveralFails() {
        orders.save(new Order("DUP", OrderStatus.OPEN, new Customer("c0", "x", "y"), 1, BASE));
        orders.save(new Order("DUP", OrderStatus.OPEN, new Customer("c0", "x", "y"), 2, BASE));
        assertThatThrownBy(() -> orders.findByNumber("DUP")).isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void mappingRoundTripsEveryPropertyKind() {
        Order order = new Order("RT-1", OrderStatus.SHIPPED, new Customer("c9", "Zoë", "Zürich"), 12.5,
                Instant.parse("2026-03-04T05:06:07.123456789Z"));
        order.setDiscount(new BigDecimal("19.99"));
        order.setDeliveryDate(LocalDate.of(2026, 12, 31));
        order.setTags(List.of("a", "b"));
        order.setItems(List.of(new io.glen.spring.boot.data.shop.Item("sku-1", 2, 3.5)));
        order.setAttributes(Map.of("gate", "B12"));
        order.setExpress(true);
        order.setScratch("not stored");
        Order saved = orders.save(order);
        Order loaded = orders.findById(saved.getId()).orElseThrow();
        assertThat(loaded).usingRecursiveComparison().ignoringFields("scratch").isEqualTo(saved);
        assertThat(loaded.getScratch()).isNull();
        assertThat(Objects.requireNonNull(db.get("orders", saved.getId())).get("labels"))
                .as("@Field renames").isNotNull();
        assertThat(db.get("orders", saved.getId()).get("status").asString()).isEqualTo("SHIPPED");
    }
}
