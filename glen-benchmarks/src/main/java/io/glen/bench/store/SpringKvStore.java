package io.glen.bench.store;

import io.glen.bench.Doc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactory;
import org.springframework.data.map.MapKeyValueAdapter;

/**
 * Spring Data KeyValue's map repository (a {@code ConcurrentHashMap} per keyspace behind
 * {@link KeyValueTemplate}); derived queries are evaluated by scanning every entity. In memory, no
 * durability: it is the repository-level baseline for the query workloads.
 */
public final class SpringKvStore implements BenchStore {

    private final KeyValueTemplate template;
    private final DocRepository repository;

    SpringKvStore() {
        this.template = new KeyValueTemplate(new MapKeyValueAdapter());
        this.repository = new KeyValueRepositoryFactory(template).getRepository(DocRepository.class);
    }

    @Override
    public void put(long n, String key, Doc doc) {
        repository.save(DocEntity.of(doc));
    }

    @Override
    public Object get(long n, String key) {
        return repository.findById(key).orElse(null);
    }

    @Override
    public List<?> getMany(long[] ns, String[] keys) {
        List<DocEntity> result = new ArrayList<>(keys.length);
        repository.findAllById(Arrays.asList(keys)).forEach(result::add);
        return result;
    }

    @Override
    public boolean txnUpdate(long n, String key, Doc doc) {
        throw new UnsupportedOperationException("not a transactional store");
    }

    @Override
    public void createIndexes() {
        // Derived queries scan: there is nothing to create.
    }

    @Override
    public List<?> findByCategory(String category) {
        return repository.findByCategory(category);
    }

    @Override
    public List<?> findScoreRange(long low, long high) {
        return repository.findByScoreGreaterThanEqualAndScoreLessThan(low, high);
    }

    @Override
    public long size() {
        return repository.count();
    }

    @Override
    public Doc toDoc(Object stored) {
        return ((DocEntity) stored).toDoc();
    }

    @Override
    public void close() {
        try {
            template.destroy();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
