package io.glen.spring.data.core;

import io.glen.engine.Document;
import io.glen.engine.index.IndexDefinition;
import io.glen.engine.query.Direction;
import io.glen.engine.query.Filter;
import io.glen.engine.query.Query;
import io.glen.spring.data.core.convert.MappingGlenConverter;
import io.glen.spring.data.transaction.GlenTransactionHolder;
import io.glen.spring.data.transaction.GlenTransactionSupport;
import io.glen.spring.data.core.mapping.CompoundIndex;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import io.glen.spring.data.core.mapping.GlenPersistentEntity;
import io.glen.spring.data.core.mapping.GlenPersistentProperty;
import io.glen.spring.data.core.mapping.event.AfterConvertCallback;
import io.glen.spring.data.core.mapping.event.AfterDeleteEvent;
import io.glen.spring.data.core.mapping.event.AfterLoadEvent;
import io.glen.spring.data.core.mapping.event.AfterSaveCallback;
import io.glen.spring.data.core.mapping.event.AfterSaveEvent;
import io.glen.spring.data.core.mapping.event.BeforeConvertCallback;
import io.glen.spring.data.core.mapping.event.BeforeConvertEvent;
import io.glen.spring.data.core.mapping.event.BeforeDeleteEvent;
import io.glen.spring.data.core.mapping.event.BeforeSaveCallback;
import io.glen.spring.data.core.mapping.event.BeforeSaveEvent;
import io.glen.spring.data.core.mapping.event.GlenMappingEvent;
import io.glen.engine.value.Value;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mapping.callback.EntityCallbacks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;
import org.springframework.util.Assert;

/**
 * Entity-level operations on Glen: maps objects to documents with {@link MappingGlenConverter},
 * runs every operation through {@link GlenTemplate} (so exceptions arrive translated and
 * transactions bound by a Glen transaction manager are honoured), creates the indexes declared by
 * {@code @Indexed} and {@code @CompoundIndex} the first time a type is used, and translates
 * property paths and {@link Sort}s into stored field paths.
 *
 * <p>Saving follows Spring Data's insert-versus-update rules: an entity with a {@code @Version}
 * property is new while its version is null (or 0 for primitives) and is then inserted (an
 * existing id is a {@code DuplicateKeyException}); otherwise it is updated only if the stored
 * version still matches ({@link OptimisticLockingFailureException}). Entities without a version
 * are upserted. A null String id is generated (a random UUID).
 */
public class GlenEntityTemplate implements ApplicationContextAware {

    private final GlenOperations template;
    private final GlenMappingContext mappingContext;
    private final MappingGlenConverter converter;
    private final Set<Class<?>> indexed = ConcurrentHashMap.newKeySet();
    private @Nullable EntityCallbacks callbacks;
    private @Nullable ApplicationEventPublisher publisher;
    private final List<java.util.function.Consumer<io.glen.engine.query.QueryPlan>> planListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A template over {@code template}, mapping with {@code converter}. */
    public GlenEntityTemplate(GlenOperations template, MappingGlenConverter converter) {
        Assert.notNull(template, "GlenOperations must not be null");
        Assert.notNull(converter, "MappingGlenConverter must not be null");
        this.template = template;
        this.converter = converter;
        this.mappingContext = converter.getMappingContext();
    }

    /**
     * Enables entity callbacks ({@code BeforeConvertCallback}, {@code BeforeSaveCallback},
     * {@code AfterSaveCallback}, {@code AfterConvertCallback}) and mapping events from the context.
     */
    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.callbacks = EntityCallbacks.create(context);
        this.publisher = context;
    }

    /** Sets the entity callbacks explicitly (null disables them). */
    public void setEntityCallbacks(@Nullable EntityCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** Sets where mapping events go (null disables them). */
    public void setApplicationEventPublisher(@Nullable ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** The underlying template. */
    public GlenOperations getGlenTemplate() {
        return template;
    }

    /** The converter. */
    public MappingGlenConverter getConverter() {
        return converter;
    }

    /** The mapping context. */
    public GlenMappingContext getMappingContext() {
        return mappingContext;
    }

    /** The mapping metadata of {@code type}, creating its declared indexes on first use. */
    public GlenPersistentEntity<?> entity(Class<?> type) {
        GlenPersistentEntity<?> entity = mappingContext.getRequiredPersistentEntity(type);
        if (indexed.add(type)) {
            try {
                ensureIndexes(entity);
            } catch (RuntimeException e) {
                indexed.remove(type);
                throw e;
            }
        }
        return entity;
    }

    /** The collection of {@code type}. */
    public String collection(Class<?> type) {
        return entity(type).getCollection();
    }

    // ------------------------------------------------------------------ writes

    /** Inserts or updates an entity (see the class documentation); returns it with id and version set. */
    public <T> T save(T entity) {
        Assert.notNull(entity, "entity must not be null");
        GlenPersistentEntity<?> persistent = entity(entity.getClass());
        String collection = persistent.getCollection();
        T bean = beforeConvert(entity, collection);
        PersistentPropertyAccessor<T> accessor = accessor(persistent, bean);
        String id = idOf(persistent, accessor, true);
        Value value = converter.writeEntity(accessor.getBean());
        accessor = accessor(persistent, beforeSave(accessor.getBean(), value, collection));
        GlenPersistentProperty versionProperty = persistent.getVersionProperty();
        if (versionProperty == null) {
            template.save(collection, id, value);
        } else {
            GlenTransactionHolder holder = activeHolder();
            Object current = accessor.getProperty(versionProperty);
            Long staged = holder == null ? null : holder.stagedExpectedVersion(accessor.getBean());
            long expected = staged != null ? staged : current == null ? 0 : ((Number) current).longValue();
            long version;
            if (expected != 0) {
                version = template.update(collection, id, value, expected);
            } else if (staged != null) {
                // Inserted earlier in this transaction: stage the new value, still as an insert.
                version = template.inTransaction(txn -> {
                    txn.put(collection, id, value, 0);
                    return 0L;
                });
            } else {
                version = template.insert(collection, id, value);
            }
            if (version != 0) {
                accessor.setProperty(versionProperty, version);
            } else if (holder != null) {
                // Staged: the commit decides the version; the instance returned gets it then.
                PersistentPropertyAccessor<T> staging = accessor;
                holder.registerStagedEntity(accessor.getBean(), expected,
                        committed -> staging.setProperty(versionProperty, committed));
            }
        }
        return afterSave(accessor.getBean(), value, collection);
    }

    /** Inserts an entity that must not exist yet ({@code DuplicateKeyException} otherwise). */
    public <T> T insert(T entity) {
        Assert.notNull(entity, "entity must not be null");
        GlenPersistentEntity<?> persistent = entity(entity.getClass());
        String collection = persistent.getCollection();
        PersistentPropertyAccessor<T> accessor = accessor(persistent, beforeConvert(entity, collection));
        String id = idOf(persistent, accessor, true);
        Value value = converter.writeEntity(accessor.getBean());
        accessor = accessor(persistent, beforeSave(accessor.getBean(), value, collection));
        long version = template.insert(collection, id, value);
        GlenPersistentProperty versionProperty = persistent.getVersionProperty();
        if (versionProperty != null && version != 0) {
            accessor.setProperty(versionProperty, version);
        } else if (versionProperty != null) {
            GlenTransactionHolder holder = activeHolder();
            if (holder != null) {
                PersistentPropertyAccessor<T> staging = accessor;
                holder.registerStagedEntity(accessor.getBean(), 0,
                        committed -> staging.setProperty(versionProperty, committed));
            }
        }
        return afterSave(accessor.getBean(), value, collection);
    }

    /**
     * Deletes an entity; with a {@code @Version} property only if the stored version still matches
     * ({@link OptimisticLockingFailureException} otherwise).
     */
    public void delete(Object entity) {
        Assert.notNull(entity, "entity must not be null");
        GlenPersistentEntity<?> persistent = entity(entity.getClass());
        PersistentPropertyAccessor<Object> accessor = accessor(persistent, entity);
        String id = idOf(persistent, accessor, false);
        GlenPersistentProperty versionProperty = persistent.getVersionProperty();
        Object version = versionProperty == null ? null : accessor.getProperty(versionProperty);
        publish(new BeforeDeleteEvent<>(entity, persistent.getCollection(), null));
        if (version != null && ((Number) version).longValue() != 0) {
            template.delete(persistent.getCollection(), id, ((Number) version).longValue());
        } else {
            template.delete(persistent.getCollection(), id);
        }
        publish(new AfterDeleteEvent<>(entity, persistent.getCollection(), null));
    }

    /** Deletes by id; returns whether it existed. */
    public boolean deleteById(Object id, Class<?> type) {
        Assert.notNull(id, "id must not be null");
        String collection = collection(type);
        publish(new BeforeDeleteEvent<>(id, collection, null));
        boolean existed = template.delete(collection, converter.idToString(id));
        publish(new AfterDeleteEvent<>(id, collection, null));
        return existed;
    }

    /**
     * Deletes every entity of {@code type} like every other write: atomically, or staged in the bound
     * Spring-managed transaction (see {@link GlenOperations#deleteAll}). Publishes a
     * {@code BeforeDeleteEvent} and an {@code AfterDeleteEvent} whose source is the entity type.
     *
     * @return how many were deleted (in a transaction: staged)
     */
    public long deleteAll(Class<?> type) {
        String collection = collection(type);
        publish(new BeforeDeleteEvent<>(type, collection, null));
        long deleted = template.deleteAll(collection);
        publish(new AfterDeleteEvent<>(type, collection, null));
        return deleted;
    }

    // ------------------------------------------------------------------ reads

    /** The entity with that id. */
    public <T> Optional<T> findById(Object id, Class<T> type) {
        Assert.notNull(id, "id must not be null");
        return template.findDocument(collection(type), converter.idToString(id)).map(d -> read(type, d));
    }

    /** Whether an entity with that id exists. */
    public boolean existsById(Object id, Class<?> type) {
        Assert.notNull(id, "id must not be null");
        return template.exists(collection(type), converter.idToString(id));
    }

    /**
     * The entities with these ids that exist, in the order of {@code ids} (an id given twice is read
     * twice). Entities without a {@code @Version} are fetched in one {@code getMany}; versioned ones
     * one by one, since each value must come with its version.
     */
    public <T> List<T> findAllById(Iterable<?> ids, Class<T> type) {
        GlenPersistentEntity<?> persistent = entity(type);
        String collection = persistent.getCollection();
        List<T> result = new ArrayList<>();
        if (persistent.hasVersionProperty()) {
            for (Object id : ids) {
                template.findDocument(collection, converter.idToString(id)).ifPresent(d -> result.add(read(type, d)));
            }
            return result;
        }
        List<String> keys = new ArrayList<>();
        for (Object id : ids) {
            keys.add(converter.idToString(id));
        }
        if (keys.isEmpty()) {
            return result;
        }
        Map<String, Value> found = template.findAllById(collection, keys);
        for (String key : keys) {
            Value value = found.get(key);
            if (value != null) {
                // The version is not read: the entity has no version property.
                result.add(read(type, new Document(collection, key, 0, value)));
            }
        }
        return result;
    }

    /** The number of entities of {@code type}. */
    public long count(Class<?> type) {
        return template.count(collection(type));
    }

    /**
     * Runs a query built on the type's collection and maps the resulting documents.
     *
     * @param spec sets filter, order, offset and limit on the query
     */
    public <T> List<T> find(Class<T> type, java.util.function.Function<Query, Query> spec) {
        return findDocuments(type, spec).stream().map(d -> read(type, d)).toList();
    }

    /** Runs a query built on the type's collection and returns the documents themselves. */
    public List<Document> findDocuments(Class<?> type, java.util.function.Function<Query, Query> spec) {
        return template.query(collection(type), q -> {
            Query query = spec.apply(q);
            if (!planListeners.isEmpty()) {
                io.glen.engine.query.QueryPlan plan = query.explain();
                planListeners.forEach(listener -> listener.accept(plan));
            }
            return query.list();
        });
    }

    /**
     * Registers a listener that hears the plan of every query this template runs through
     * {@link #findDocuments} (for tests and diagnostics; plans are only computed while one is registered).
     */
    public void addQueryPlanListener(java.util.function.Consumer<io.glen.engine.query.QueryPlan> listener) {
        planListeners.add(listener);
    }

    /** Removes a listener added by {@link #addQueryPlanListener}. */
    public void removeQueryPlanListener(java.util.function.Consumer<io.glen.engine.query.QueryPlan> listener) {
        planListeners.remove(listener);
    }

    /**
     * {@code sort} as the engine can run it. An order by the id property is allowed: the id is the
     * document key and every query already ends ordered by it, ascending, so an ascending id order is
     * dropped, together with any order after it (ids are unique, so those never apply). A descending
     * id order is refused: the engine's tie-breaker only ascends.
     *
     * @throws InvalidDataAccessApiUsageException for a descending order by the id
     */
    public Sort effectiveSort(Class<?> type, Sort sort) {
        List<Sort.Order> kept = new ArrayList<>();
        for (Sort.Order order : sort) {
            if (isIdProperty(type, order.getProperty())) {
                if (order.isDescending()) {
                    throw new InvalidDataAccessApiUsageException("Glen orders by the id ascending only (every query"
                            + " ends ordered by the document id, ascending); sort by '" + order.getProperty()
                            + "' ascending or by another property");
                }
                break;
            }
            kept.add(order);
        }
        return kept.size() == sort.stream().count() ? sort : Sort.by(kept);
    }

    private boolean isIdProperty(Class<?> type, String propertyPath) {
        PropertyPath path = PropertyPath.from(propertyPath, type);
        GlenPersistentProperty leaf = mappingContext.getPersistentPropertyPath(path).getLeafProperty();
        return leaf != null && leaf.isIdProperty() && !path.hasNext();
    }

    /** The engine sort orders for a Spring {@link Sort} of {@code type} (see {@link #effectiveSort}). */
    public List<io.glen.engine.query.SortOrder> sortOrders(Class<?> type, Sort sort) {
        List<io.glen.engine.query.SortOrder> orders = new ArrayList<>();
        for (Sort.Order order : effectiveSort(type, sort)) {
            orders.add(new io.glen.engine.query.SortOrder(fieldPath(type, order.getProperty()),
                    order.isAscending() ? Direction.ASC : Direction.DESC));
        }
        return orders;
    }

    /** Counts the entities matching {@code filter}. */
    public long count(Class<?> type, Filter filter) {
        return template.query(collection(type), q -> q.where(filter).count());
    }

    /** Whether an entity matches {@code filter}. */
    public boolean exists(Class<?> type, Filter filter) {
        return template.query(collection(type), q -> q.where(filter).exists());
    }

    /** Applies a Spring {@link Sort} to an engine query (property paths become field paths). */
    public Query applySort(Query query, Class<?> type, Sort sort) {
        for (Sort.Order order : effectiveSort(type, sort)) {
            String path = fieldPath(type, order.getProperty());
            if (order.isIgnoreCase()) {
                throw new InvalidDataAccessApiUsageException("Glen cannot sort ignoring case (" + order + ")");
            }
            query.orderBy(path, order.isAscending() ? Direction.ASC : Direction.DESC);
        }
        return query;
    }

    /** The stored dotted field path of a (dotted) property path of {@code type}. */
    public String fieldPath(Class<?> type, String propertyPath) {
        return fieldPath(PropertyPath.from(propertyPath, type));
    }

    /** The stored dotted field path of a property path. */
    public String fieldPath(PropertyPath path) {
        GlenPersistentProperty leaf = mappingContext.getPersistentPropertyPath(path).getLeafProperty();
        if (leaf != null && leaf.isIdProperty() && !path.hasNext()) {
            throw new InvalidDataAccessApiUsageException("the id is the document key, not a stored field: use "
                    + "findById/findAllById instead of querying by '" + path.toDotPath() + "'");
        }
        return mappingContext.getPersistentPropertyPath(path).toDotPath(GlenPersistentProperty::getFieldName);
    }

    /** Reads a stored document as an entity, with {@code AfterLoadEvent} and {@code AfterConvertCallback}. */
    public <T> T read(Class<T> type, Document document) {
        T entity = converter.read(type, document);
        publish(new AfterLoadEvent<>(entity, document.collection(), document.value()));
        return callbacks == null ? entity
                : callbacks.callback(AfterConvertCallback.class, entity, document.value(), document.collection());
    }

    // ------------------------------------------------------------------ internals

    /** The active Spring-managed Glen transaction's holder, or null outside one. */
    private @Nullable GlenTransactionHolder activeHolder() {
        GlenTransactionHolder holder = GlenTransactionSupport.currentHolder(template.getDatabase());
        return holder != null && holder.isActive() ? holder : null;
    }

    private <T> T beforeConvert(T entity, String collection) {
        publish(new BeforeConvertEvent<>(entity, collection, null));
        return callbacks == null ? entity : callbacks.callback(BeforeConvertCallback.class, entity, collection);
    }

    private <T> T beforeSave(T entity, Value value, String collection) {
        publish(new BeforeSaveEvent<>(entity, collection, value));
        return callbacks == null ? entity : callbacks.callback(BeforeSaveCallback.class, entity, value, collection);
    }

    private <T> T afterSave(T entity, Value value, String collection) {
        publish(new AfterSaveEvent<>(entity, collection, value));
        return callbacks == null ? entity : callbacks.callback(AfterSaveCallback.class, entity, value, collection);
    }

    private void publish(GlenMappingEvent<?> event) {
        if (publisher != null) {
            publisher.publishEvent(event);
        }
    }

    private <T> PersistentPropertyAccessor<T> accessor(GlenPersistentEntity<?> persistent, T entity) {
        return new ConvertingPropertyAccessor<>(persistent.getPropertyAccessor(entity), converter.getConversionService());
    }

    private String idOf(GlenPersistentEntity<?> persistent, PersistentPropertyAccessor<?> accessor, boolean generate) {
        GlenPersistentProperty idProperty = persistent.getIdProperty();
        if (idProperty == null) {
            throw new InvalidDataAccessApiUsageException(persistent.getType().getName() + " has no @Id property");
        }
        Object id = accessor.getProperty(idProperty);
        if (id == null) {
            if (!generate || idProperty.getType() != String.class) {
                throw new InvalidDataAccessApiUsageException("the id of " + persistent.getType().getSimpleName()
                        + " is null" + (generate ? "; only String ids are generated" : ""));
            }
            id = UUID.randomUUID().toString();
            accessor.setProperty(idProperty, id);
        }
        return converter.idToString(id);
    }

    /** Creates the indexes {@code type}'s annotations declare (existing ones with the same paths are kept). */
    public void ensureIndexes(Class<?> type) {
        ensureIndexes(mappingContext.getRequiredPersistentEntity(type));
        indexed.add(type);
    }

    private void ensureIndexes(GlenPersistentEntity<?> entity) {
        String collection = entity.getCollection();
        for (IndexDefinition definition : declaredIndexes(entity)) {
            template.execute(db -> db.createIndex(collection, definition.name(),
                    definition.paths().toArray(new String[0])));
        }
    }

    /** The indexes the annotations of an entity declare. */
    public List<IndexDefinition> declaredIndexes(GlenPersistentEntity<?> entity) {
        List<IndexDefinition> definitions = new ArrayList<>();
        collectIndexed(entity, "", new HashSet<>(), definitions);
        CompoundIndex[] compound = entity.getType().getAnnotationsByType(CompoundIndex.class);
        for (CompoundIndex index : compound) {
            List<String> paths = new ArrayList<>();
            for (String field : index.fields()) {
                paths.add(fieldPath(entity.getType(), field));
            }
            definitions.add(new IndexDefinition(index.name(), paths));
        }
        return definitions;
    }

    private void collectIndexed(GlenPersistentEntity<?> entity, String prefix, Set<Class<?>> visiting,
                                List<IndexDefinition> out) {
        if (!visiting.add(entity.getType()) || visiting.size() > 4) {
            return;
        }
        for (GlenPersistentProperty property : entity) {
            String path = prefix + property.getFieldName();
            io.glen.spring.data.core.mapping.Indexed indexed =
                    property.findAnnotation(io.glen.spring.data.core.mapping.Indexed.class);
            if (indexed != null) {
                String name = indexed.name().isEmpty() ? "by_" + path.replace('.', '_') : indexed.name();
                out.add(new IndexDefinition(name, List.of(path)));
            }
            if (property.isEntity() && !property.isCollectionLike() && !property.isMap()) {
                GlenPersistentEntity<?> nested = mappingContext.getPersistentEntity(property.getActualType());
                if (nested != null) {
                    collectIndexed(nested, path + ".", visiting, out);
                }
            }
        }
        visiting.remove(entity.getType());
    }
}
