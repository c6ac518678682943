package io.glen.bench.store;

import io.glen.bench.Doc;
import io.glen.engine.GlenDB;
import io.glen.engine.GlenOptions;
import io.glen.engine.WalSyncMode;
import io.glen.engine.query.QueryPlan;
import io.glen.spring.data.core.GlenTemplate;
import io.glen.spring.data.core.GlenEntityTemplate;
import io.glen.spring.data.core.convert.GlenCustomConversions;
import io.glen.spring.data.core.convert.MappingGlenConverter;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import io.glen.spring.data.repository.support.GlenRepositoryFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Glen through {@code glen-spring-data}: a {@link GlenDocRepository} built by
 * {@link GlenRepositoryFactory} on a {@link GlenEntityTemplate}, without an application context
 * (the objects the auto-configuration would create, wired by hand, as {@link SpringKvStore} does
 * with Spring Data KeyValue). The database is opened like {@link GlenStore} (sync mode from the
 * durability class, a {@link Stores#CACHE_BYTES} value cache). Every operation goes through the repository: {@code save},
 * {@code findById}, {@code findAllById}, {@code count} and the two derived queries, which the
 * engine's planner runs on the {@code @Indexed} properties' indexes (created when the repository is
 * built, so this store always has them). No transactions: the repository is the query-level
 * counterpart of the Spring Data KeyValue map repository, not a store of its own.
 */
public final class GlenRepoStore implements BenchStore {

    private final GlenDB db;
    private final GlenEntityTemplate template;
    private final GlenDocRepository repository;

    GlenRepoStore(Path dir, Durability durability) {
        this.db = GlenDB.open(dir, GlenOptions.builder()
                .walSync(durability == Durability.ALWAYS ? WalSyncMode.ALWAYS : WalSyncMode.INTERVAL)
                .cacheCapacityBytes(Stores.CACHE_BYTES)
                .build());
        try {
            MappingGlenConverter converter = new MappingGlenConverter(new GlenMappingContext(),
                    new GlenCustomConversions());
            this.template = new GlenEntityTemplate(new GlenTemplate(db, converter, 10), converter);
            this.repository = new GlenRepositoryFactory(template).getRepository(GlenDocRepository.class);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The database (verification). */
    public GlenDB db() {
        return db;
    }

    @Override
    public void put(long n, String key, Doc doc) {
        repository.save(GlenDocEntity.of(key, doc));
    }

    @Override
    public Object get(long n, String key) {
        return repository.findById(key).orElse(null);
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        return repository.findAllById(Arrays.asList(keys));
    }

    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        throw new UnsupportedOperationException("repository store: no transaction benchmark");
    }

    @Override
    public void createIndexes() {
        // The entity's @Indexed properties: already created when the repository was built; idempotent.
        template.ensureIndexes(GlenDocEntity.class);
    }

    @Override
    public List<?> findByCategory(String category) {
        return repository.findByCategory(category);
    }

    @Override
    public List<?> findScoreRange(long low, long high) {
        return repository.findByScoreGreaterThanEqualAndScoreLessThan(low, high);
    }

    /** The plans the engine chose for the two derived queries with these arguments (verification). */
    public List<QueryPlan> queryPlans(String category, long low, long high) {
        List<QueryPlan> plans = new ArrayList<>();
        Consumer<QueryPlan> listener = plans::add;
        template.addQueryPlanListener(listener);
        try {
            repository.findByCategory(category);
            repository.findByScoreGreaterThanEqualAndScoreLessThan(low, high);
        } finally {
            template.removeQueryPlanListener(listener);
        }
        return plans;
    }

    @Override
    public long size() {
        return repository.count();
    }

    @Override
    public Doc toDoc(Object stored) {
        return ((GlenDocEntity) stored).toDoc();
    }

    @Override
    public void close() {
        db.close();
    }
}
