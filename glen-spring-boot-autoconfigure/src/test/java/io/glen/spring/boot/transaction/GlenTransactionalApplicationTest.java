package io.glen.spring.boot.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.spring.data.transaction.GlenTransactionManager;
import io.glen.engine.Document;
import io.glen.engine.GlenDB;
import io.glen.engine.query.Filter;
import io.glen.engine.value.Value;
import io.glen.spring.data.core.GlenTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Boot application with only the starter: {@code @Transactional} services over GlenTemplate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "glen.wal.sync=none")
class GlenTransactionalApplicationTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void glenDir(DynamicPropertyRegistry registry) {
        registry.add("glen.dir", () -> dir.toString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Ledger ledger(GlenTemplate template) {
            return new Ledger(template);
        }

        @Bean
        Bank bank(GlenTemplate template, Ledger ledger) {
            return new Bank(template, ledger);
        }
    }

    /** Accounts are documents {balance: n} in "accounts"; every transfer also writes a ledger entry. */
    static class Bank {
        final GlenTemplate template;
        final Ledger ledger;

        Bank(GlenTemplate template, Ledger ledger) {
            this.template = template;
            this.ledger = ledger;
        }

        @Transactional
        public void open(Map<String, Long> balances) {
            balances.forEach((id, balance) -> template.insert("accounts", id, Map.of("balance", balance)));
        }

        long balance(String id) {
            return template.findById("accounts", id).orElseThrow().at("balance").asLong();
        }

        /** Moves {@code amount} unless {@code from} would go negative; records it in the same transaction. */
        @Transactional
        public boolean transfer(String from, String to, long amount, String entryId) {
            long fromBalance = balance(from);
            if (fromBalance < amount) {
                return false;
            }
            long toBalance = balance(to);
            template.save("accounts", from, Map.of("balance", fromBalance - amount));
            template.save("accounts", to, Map.of("balance", toBalance + amount));
            ledger.record(entryId, from, to, amount);
            return true;
        }

        @Transactional
        public void transferThenFail(String from, String to, long amount) {
            transfer(from, to, amount, "failed-" + from + to);
            throw new IllegalStateException("after the transfer");
        }

        @Transactional
        public void transferWhile(String from, String to, long amount, Runnable meanwhile) {
            transfer(from, to, amount, "meanwhile-" + from + to);
            meanwhile.run();
        }

        @Transactional
        public void transferAuditedThenFail(String from, String to, long amount) {
            transfer(from, to, amount, "audited-" + from + to);
            ledger.audit("attempt-" + from + to);
            throw new IllegalStateException("after the audit");
        }

        @Transactional(readOnly = true)
        public long total(List<String> ids) {
            return template.findAllById("accounts", ids).values().stream().mapToLong(v -> v.at("balance").asLong()).sum();
        }

        @Transactional(readOnly = true)
        public void writeInReadOnly() {
            template.save("accounts", "nope", Map.of("balance", 1L));
        }

        /** A @Version-style rename: the caller passes the version it loaded. */
        @Transactional
        public void rename(String id, String name, long version, Runnable meanwhile) {
            Document doc = template.findDocument("accounts", id).orElseThrow();
            Map<String, Object> renamed = new LinkedHashMap<>();
            renamed.put("balance", doc.value().at("balance").asLong());
            renamed.put("name", name);
            template.update("accounts", id, renamed, version);
            meanwhile.run();
        }
    }

    static class Ledger {
        final GlenTemplate template;

        Ledger(GlenTemplate template) {
            this.template = template;
        }

        /** Joins the caller's transaction. */
        @Transactional
        public void record(String entryId, String from, String to, long amount) {
            template.insert("ledger", entryId, Map.of("from", from, "to", to, "amount", amount));
        }

        /** Commits on its own, whatever the caller does afterwards. */
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        public void audit(String entryId) {
            template.insert("audit", entryId, Map.of("at", System.nanoTime()));
        }
    }

    @Autowired
    Bank bank;

    @Autowired
    GlenTemplate template;

    @Autowired
    GlenDB db;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final String prefix = "t" + System.nanoTime() + "-";

    private String id(String name) {
        return prefix + name;
    }

    @BeforeEach
    void accounts() {
        bank.open(Map.of(id("a"), 100L, id("b"), 100L));
    }

    private long balance(String name) {
        return db.get("accounts", id(name)).at("balance").asLong();
    }

    @Test
    void theOnlyTransactionManagerIsGlens() {
        assertThat(transactionManager).isInstanceOf(GlenTransactionManager.class);
    }

    @Test
    void aCommittedTransactionWritesEverythingWithOneVersion() {
        assertThat(bank.transfer(id("a"), id("b"), 30, id("e1"))).isTrue();
        assertThat(balance("a")).isEqualTo(70);
        assertThat(balance("b")).isEqualTo(130);
        long version = db.version("accounts", id("a"));
        assertThat(db.version("accounts", id("b"))).isEqualTo(version);
        assertThat(db.version("ledger", id("e1"))).as("the joined Ledger.record").isEqualTo(version);
    }

    @Test
    void anExceptionRollsEverythingBack() {
        long lsn = db.stats().lsn();
        assertThatThrownBy(() -> bank.transferThenFail(id("a"), id("b"), 30)).hasMessage("after the transfer");
        assertThat(balance("a")).isEqualTo(100);
        assertThat(balance("b")).isEqualTo(100);
        assertThat(db.stats().lsn()).isEqualTo(lsn);
    }

    @Test
    void aConcurrentChangeToAnAccountReadFailsTheCommitAndChangesNothing() {
        assertThatThrownBy(() -> bank.transferWhile(id("a"), id("b"), 30,
                () -> template.getDatabase().put("accounts", id("b"), Value.of(Map.of("balance", 500L)))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(balance("a")).isEqualTo(100);
        assertThat(balance("b")).isEqualTo(500);
        assertThat(db.get("ledger", "meanwhile-" + id("a") + id("b"))).isNull();
    }

    @Test
    void requiresNewCommitsIndependently() {
        assertThatThrownBy(() -> bank.transferAuditedThenFail(id("a"), id("b"), 30)).hasMessage("after the audit");
        assertThat(db.get("audit", "attempt-" + id("a") + id("b"))).as("REQUIRES_NEW committed").isNotNull();
        assertThat(balance("a")).isEqualTo(100);
        assertThat(db.get("ledger", "audited-" + id("a") + id("b"))).as("REQUIRED joined and rolled back").isNull();
    }

    @Test
    void readOnlyTransactionsReadAndRefuseWrites() {
        assertThat(bank.total(List.of(id("a"), id("b"), id("missing")))).isEqualTo(200);
        assertThatThrownBy(bank::writeInReadOnly).isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(db.get("accounts", "nope")).isNull();
    }

    @Test
    void versionedUpdatesConflictInsideATransaction() {
        long version = db.version("accounts", id("a"));
        bank.rename(id("a"), "first", version, () -> { });
        long renamed = db.version("accounts", id("a"));
        assertThat(renamed).isGreaterThan(version);
        assertThat(db.get("accounts", id("a")).at("name")).isEqualTo(Value.of("first"));

        // stale version: refused at the call
        assertThatThrownBy(() -> bank.rename(id("a"), "stale", version, () -> { }))
                .isInstanceOf(OptimisticLockingFailureException.class);
        // changed after the update was staged: refused at commit
        assertThatThrownBy(() -> bank.rename(id("a"), "second", renamed,
                () -> db.put("accounts", id("a"), Value.of(Map.of("balance", 1L)))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(db.get("accounts", id("a"))).isEqualTo(Value.of(Map.of("balance", 1L)));
        // inserting an existing account is a duplicate key, in a transaction too
        assertThatThrownBy(() -> bank.open(Map.of(id("b"), 5L))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void outsideTransactionsTheTemplateWritesImmediately() {
        long version = template.save("accounts", id("c"), Map.of("balance", 1L));
        assertThat(version).isPositive().isEqualTo(db.version("accounts", id("c")));
        assertThat(template.find("accounts", Filter.eq("balance", 1L))).extracting(Document::id).contains(id("c"));
    }

    @Test
    void concurrentTransfersConserveTheTotalAndMatchTheLedger() throws Exception {
        int accounts = 6;
        long initial = 1_000;
        int threads = 4;
        int transfersPerThread = 150;
        List<String> ids = IntStream.range(0, accounts).mapToObj(i -> id("acc" + i)).toList();
        Map<String, Long> opening = new LinkedHashMap<>();
        ids.forEach(i -> opening.put(i, initial));
        bank.open(opening);

        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            // a read-only auditor: every total it manages to commit must be exact
            CompletableFuture<Integer> auditor = CompletableFuture.supplyAsync(() -> {
                int checks = 0;
                while (!done.get()) {
                    try {
                        assertThat(bank.total(ids)).isEqualTo(accounts * initial);
                        checks++;
                    } catch (OptimisticLockingFailureException retry) {
                        conflicts.incrementAndGet();
                    }
                }
                return checks;
            }, pool);
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(CompletableFuture.runAsync(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int n = 0; n < transfersPerThread; n++) {
                        String from = ids.get(random.nextInt(accounts));
                        String to = ids.get(random.nextInt(accounts));
                        if (from.equals(to)) {
                            continue;
                        }
                        long amount = 1 + random.nextInt(400);
                        String entry = id("w" + thread + "-" + n);
                        while (true) {
                            try {
                                if (!bank.transfer(from, to, amount, entry)) {
                                    refused.incrementAndGet();
                                }
                                break;
                            } catch (OptimisticLockingFailureException retry) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            done.set(true);
            assertThat(auditor.get(10, TimeUnit.SECONDS)).as("exact totals seen by the auditor").isPositive();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }

        Map<String, Long> balances = new LinkedHashMap<>();
        ids.forEach(i -> balances.put(i, db.get("accounts", i).at("balance").asLong()));
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(accounts * initial);
        assertThat(balances.values()).allSatisfy(b -> assertThat(b).isNotNegative());

        // replaying this test's ledger from the opening balances gives exactly the final balances
        Map<String, Long> replayed = new LinkedHashMap<>(opening);
        List<Document> entries = template.find("ledger", Filter.startsWith("from", prefix + "acc"));
        for (Document entry : entries) {
            long amount = entry.value().at("amount").asLong();
            replayed.merge(entry.value().at("from").asString(), -amount, Long::sum);
            replayed.merge(entry.value().at("to").asString(), amount, Long::sum);
        }
        assertThat(entries).isNotEmpty();
        assertThat(replayed).isEqualTo(balances);
    }
}
