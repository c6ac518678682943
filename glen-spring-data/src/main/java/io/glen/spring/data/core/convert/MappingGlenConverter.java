package io.glen.spring.data.core.convert;

import io.glen.engine.Document;
import io.glen.engine.value.ObjectBuilder;
import io.glen.engine.value.ObjectValue;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import io.glen.spring.data.core.GlenValueConverter;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import io.glen.spring.data.core.mapping.GlenPersistentEntity;
import io.glen.spring.data.core.mapping.GlenPersistentProperty;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.CollectionFactory;
import org.springframework.core.NativeDetector;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.InstanceCreatorMetadata;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ClassGeneratingPropertyAccessorFactory;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiator;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.ParameterValueProvider;
import org.springframework.data.mapping.model.PersistentEntityParameterValueProvider;
import org.springframework.data.mapping.model.PropertyValueProvider;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Maps entities to Glen object values and back through Spring Data's mapping metadata: field
 * names from {@code @Field}, constructor and record instantiation, nested objects, collections,
 * arrays, maps with string (or enum) keys, enums by name, and custom conversions. The id and the
 * {@code @Version} are not stored in the value: they are the document's id and version. Null
 * properties are not stored. Values carry no type hints: nested objects are read as the declared
 * type.
 */
public class MappingGlenConverter implements GlenValueConverter {

    private final GlenMappingContext mappingContext;
    private final GlenCustomConversions conversions;
    private final GenericConversionService conversionService = new DefaultConversionService();
    private final EntityInstantiators instantiators = new EntityInstantiators();
    /**
     * The accessor classes the mapping context generates too (it wraps them in accessors that look
     * the generated one up again for every property); null where it does not generate them.
     */
    private final @Nullable ClassGeneratingPropertyAccessorFactory accessorFactory =
            NativeDetector.inNativeImage() ? null : new ClassGeneratingPropertyAccessorFactory();
    private final Map<Class<?>, EntityReader> entityReaders = new ConcurrentHashMap<>();
    private final Map<Class<?>, EntityWriter> entityWriters = new ConcurrentHashMap<>();
    private final Map<Class<?>, ValueReader> typeReaders = new ConcurrentHashMap<>();
    private final Map<Class<?>, WriteType> writeTypes = new ConcurrentHashMap<>();

    /** A converter over {@code mappingContext} with the store's and the application's conversions. */
    public MappingGlenConverter(GlenMappingContext mappingContext, GlenCustomConversions conversions) {
        Assert.notNull(mappingContext, "GlenMappingContext must not be null");
        Assert.notNull(conversions, "GlenCustomConversions must not be null");
        this.mappingContext = mappingContext;
        this.conversions = conversions;
        conversions.registerConvertersIn(conversionService);
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
    }

    /** The mapping context. */
    public GlenMappingContext getMappingContext() {
        return mappingContext;
    }

    /** The conversion service (store and custom conversions registered). */
    public GenericConversionService getConversionService() {
        return conversionService;
    }

    @Override
    public Value write(Object object) {
        Assert.notNull(object, "object must not be null");
        return writeValue(object);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(Value value, Class<T> type) {
        ValueReader reader = typeReaders.get(type);
        if (reader == null) {
            reader = typeReaders.computeIfAbsent(type, t -> readerFor(TypeInformation.of(t)));
        }
        return (T) read(reader, value);
    }

    /** The stored value of an entity (without its id and version). */
    public Value writeEntity(Object entity) {
        return writeEntity(entity, writer(entity.getClass()));
    }

    /** Reads a stored document as an entity, setting its id and version. */
    @Override
    public <T> T read(Class<T> type, Document document) {
        EntityReader plan = reader(type);
        if (document.value().kind() != ValueKind.OBJECT) {
            throw new IllegalArgumentException("document '" + document.id() + "' of collection '" + document.collection()
                    + "' is a " + document.value().kind() + ", not an object that maps to " + type.getName());
        }
        @SuppressWarnings("unchecked")
        T entity = (T) readEntity(document.value(), plan, document.id(), document.version());
        return entity;
    }

    /** Converts an id to the document id string. */
    public String idToString(Object id) {
        if (id instanceof String s) {
            return s;
        }
        String converted = conversionService.convert(id, String.class);
        if (converted == null) {
            throw new IllegalArgumentException("cannot convert id " + id + " to a document id");
        }
        return converted;
    }

    /** Converts a document id string to the id type. */
    public Object idFromString(String id, Class<?> type) {
        return type == String.class || type == Object.class ? id : conversionService.convert(id, type);
    }

    /** Converts a query argument (an entity property value) to the value stored for it. */
    public Value writeQueryValue(@Nullable Object value) {
        if (value == null) {
            return Value.NULL;
        }
        return writeValue(value);
    }

    // ------------------------------------------------------------------ writing

    /** How values of one class are written (decided once per class). */
    private enum WriteKind { CUSTOM, SIMPLE, ARRAY, COLLECTION, MAP, ENTITY }

    private record WriteType(WriteKind kind, @Nullable Class<?> target) {
    }

    /** The writable properties of an entity, with their field names, resolved once. */
    private static final class EntityWriter {
        final GlenPersistentEntity<?> entity;
        final GlenPersistentProperty[] properties;
        final String[] fieldNames;
        final boolean generatedAccessor;

        EntityWriter(GlenPersistentEntity<?> entity, boolean generatedAccessor) {
            this.entity = entity;
            this.generatedAccessor = generatedAccessor;
            List<GlenPersistentProperty> written = new ArrayList<>();
            for (GlenPersistentProperty property : entity) {
                if (property.isIdProperty() || property.isVersionProperty() || !property.isWritable()
                        && !entity.isCreatorArgument(property)) {
                    continue;
                }
                written.add(property);
            }
            this.properties = written.toArray(new GlenPersistentProperty[0]);
            this.fieldNames = new String[properties.length];
            for (int i = 0; i < properties.length; i++) {
                fieldNames[i] = properties[i].getFieldName();
            }
        }
    }

    private EntityWriter writer(Class<?> type) {
        EntityWriter writer = entityWriters.get(type);
        if (writer == null) {
            GlenPersistentEntity<?> entity = mappingContext.getRequiredPersistentEntity(type);
            writer = entityWriters.computeIfAbsent(type, t -> new EntityWriter(entity,
                    accessorFactory != null && accessorFactory.isSupported(entity)));
        }
        return writer;
    }

    private Value writeEntity(Object bean, EntityWriter writer) {
        PersistentPropertyAccessor<?> accessor = writer.generatedAccessor
                ? accessorFactory.getPropertyAccessor(writer.entity, bean)
                : writer.entity.getPropertyAccessor(bean);
        ObjectBuilder builder = Value.object();
        GlenPersistentProperty[] properties = writer.properties;
        for (int i = 0; i < properties.length; i++) {
            Object value = accessor.getProperty(properties[i]);
            if (value != null) {
                builder.put(writer.fieldNames[i], writeValue(value));
            }
        }
        return builder.build();
    }

    private WriteType writeType(Class<?> type) {
        WriteType writeType = writeTypes.get(type);
        if (writeType == null) {
            writeType = writeTypes.computeIfAbsent(type, this::classify);
        }
        return writeType;
    }

    private WriteType classify(Class<?> type) {
        var target = conversions.getCustomWriteTarget(type);
        if (target.isPresent()) {
            return new WriteType(WriteKind.CUSTOM, target.get());
        }
        if (isSimple(type)) {
            return new WriteType(WriteKind.SIMPLE, null);
        }
        if (type.isArray() && type != byte[].class) {
            return new WriteType(WriteKind.ARRAY, null);
        }
        if (Collection.class.isAssignableFrom(type)) {
            return new WriteType(WriteKind.COLLECTION, null);
        }
        if (Map.class.isAssignableFrom(type)) {
            return new WriteType(WriteKind.MAP, null);
        }
        return new WriteType(WriteKind.ENTITY, null);
    }

    // The declared type does not matter: values are written by their runtime class.
    private Value writeValue(@Nullable Object value) {
        if (value == null) {
            return Value.NULL;
        }
        if (value instanceof Value v) {
            return v;
        }
        Class<?> type = value.getClass();
        WriteType writeType = writeType(type);
        switch (writeType.kind()) {
            case CUSTOM -> {
                Object converted = conversionService.convert(value, writeType.target());
                return converted == null ? Value.NULL : writeSimple(converted);
            }
            case SIMPLE -> {
                return writeSimple(value);
            }
            case ARRAY -> {
                int length = Array.getLength(value);
                List<Value> elements = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    elements.add(writeValue(Array.get(value, i)));
                }
                return Value.array(elements);
            }
            case COLLECTION -> {
                Collection<?> collection = (Collection<?>) value;
                List<Value> elements = new ArrayList<>(collection.size());
                for (Object element : collection) {
                    elements.add(writeValue(element));
                }
                return Value.array(elements);
            }
            case MAP -> {
                ObjectBuilder builder = Value.object();
                ((Map<?, ?>) value).forEach((k, v) -> builder.put(mapKey(k), writeValue(v)));
                return builder.build();
            }
            default -> {
                return writeEntity(value, writer(type));
            }
        }
    }

    private String mapKey(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Enum<?> e) {
            return e.name();
        }
        String converted = conversionService.convert(key, String.class);
        if (converted == null) {
            throw new IllegalArgumentException("cannot use " + key + " as a map key");
        }
        return converted;
    }

    private Value writeSimple(Object value) {
        if (value instanceof String s) {
            return Value.of(s);
        }
        if (value instanceof Long l) {
            return Value.of(l.longValue());
        }
        if (value instanceof Boolean b) {
            return Value.of(b.booleanValue());
        }
        if (value instanceof Enum<?> e) {
            return Value.of(e.name());
        }
        if (value instanceof Float || value instanceof Double) {
            return Value.of(((Number) value).doubleValue());
        }
        return Value.of(value);
    }

    private boolean isSimple(Class<?> type) {
        return type.isEnum() || ClassUtils.isPrimitiveOrWrapper(type) || type == String.class || type == byte[].class
                || Number.class.isAssignableFrom(type) && type.getName().startsWith("java.") || type == Character.class
                || io.glen.engine.value.GlenId.class == type;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a non-null stored value as one declared type; everything that depends only on the type
     * (its kind, element and key types, custom read targets, the entity) is resolved when the
     * reader is built.
     */
    private abstract static class ValueReader {
        final Class<?> raw;

        ValueReader(Class<?> raw) {
            this.raw = raw;
        }

        abstract @Nullable Object readPresent(Value value);
    }

    /** A stored value (possibly absent or null) as the reader's type. */
    private @Nullable Object read(ValueReader reader, @Nullable Value value) {
        if (value == null || value.isNull()) {
            return reader.raw.isPrimitive() ? primitiveDefault(reader.raw) : null;
        }
        return reader.readPresent(value);
    }

    /** What Java gives a primitive field nobody set: a missing or null stored field reads as it. */
    private static Object primitiveDefault(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == char.class) {
            return '\0';
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0d;
        }
        if (primitive == float.class) {
            return 0.0f;
        }
        if (primitive == short.class) {
            return (short) 0;
        }
        if (primitive == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private ValueReader readerFor(TypeInformation<?> type) {
        Class<?> raw = type.getType();
        if (raw == Value.class) {
            return new ValueReader(raw) {
                @Override
                Object readPresent(Value value) {
                    return value;
                }
            };
        }
        if (raw.isArray() && raw != byte[].class) {
            return new ArrayReader(raw, readerFor(TypeInformation.of(raw.getComponentType())));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new CollectionReader(raw, readerFor(elementType(type)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Class<?> keyType = type.getComponentType() != null ? type.getComponentType().getType() : String.class;
            TypeInformation<?> valueType = type.getMapValueType() != null ? type.getMapValueType() : TypeInformation.OBJECT;
            return new MapReader(raw, keyType, readerFor(valueType));
        }
        if (!isSimple(raw) && raw != Object.class && !conversions.hasCustomReadTarget(Map.class, raw)) {
            return new EntityValueReader(raw);
        }
        if (raw == String.class) {
            return new ScalarReader(raw, ValueKind.STRING);
        }
        if (raw == long.class || raw == Long.class) {
            return new ScalarReader(raw, ValueKind.INT);
        }
        if (raw == double.class || raw == Double.class) {
            return new ScalarReader(raw, ValueKind.FLOAT);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new ScalarReader(raw, ValueKind.BOOL);
        }
        return new ScalarReader(raw, null);
    }

    private static TypeInformation<?> elementType(TypeInformation<?> declared) {
        TypeInformation<?> component = declared.getComponentType();
        return component != null ? component : TypeInformation.OBJECT;
    }

    /** The plain Java form of a value, converted to the declared type unless it already is one. */
    private @Nullable Object readScalar(Value value, Class<?> raw) {
        Object java = value.toJava();
        if (java == null || raw == Object.class || raw.isInstance(java)) {
            return java;
        }
        return conversionService.convert(java, raw);
    }

    /**
     * A scalar; {@code direct} is the stored kind whose plain Java form is already of the declared
     * type (or its wrapper, which converting to the primitive returns unchanged).
     */
    private final class ScalarReader extends ValueReader {
        private final @Nullable ValueKind direct;

        ScalarReader(Class<?> raw, @Nullable ValueKind direct) {
            super(raw);
            this.direct = direct;
        }

        @Override
        @Nullable Object readPresent(Value value) {
            if (value.kind() == direct) {
                return switch (direct) {
                    case STRING -> value.asString();
                    case INT -> value.asLong();
                    case FLOAT -> value.asDouble();
                    case BOOL -> value.asBoolean();
                    default -> readScalar(value, raw);
                };
            }
            return readScalar(value, raw);
        }
    }

    /** A nested entity when stored as an object, otherwise a scalar. */
    private final class EntityValueReader extends ValueReader {
        private volatile @Nullable EntityReader entity;

        EntityValueReader(Class<?> raw) {
            super(raw);
        }

        @Override
        @Nullable Object readPresent(Value value) {
            if (value.kind() != ValueKind.OBJECT) {
                return readScalar(value, raw);
            }
            EntityReader plan = entity;
            if (plan == null) {
                plan = reader(raw); // resolved on first use: entities may refer to themselves
                entity = plan;
            }
            return readEntity(value, plan, null, 0);
        }
    }

    private final class ArrayReader extends ValueReader {
        private final ValueReader component;

        ArrayReader(Class<?> raw, ValueReader component) {
            super(raw);
            this.component = component;
        }

        @Override
        Object readPresent(Value value) {
            List<Value> elements = value.kind() == ValueKind.ARRAY ? value.asList() : List.of(value);
            Object array = Array.newInstance(raw.getComponentType(), elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, read(component, elements.get(i)));
            }
            return array;
        }
    }

    private final class CollectionReader extends ValueReader {
        private final Class<?> collectionType;
        private final ValueReader element;

        CollectionReader(Class<?> raw, ValueReader element) {
            super(raw);
            this.collectionType = raw.isInterface() ? (java.util.Set.class.isAssignableFrom(raw)
                    ? java.util.LinkedHashSet.class : ArrayList.class) : raw;
            this.element = element;
        }

        @Override
        Object readPresent(Value value) {
            List<Value> elements = value.kind() == ValueKind.ARRAY ? value.asList() : List.of(value);
            Collection<Object> collection = CollectionFactory.createCollection(collectionType, elements.size());
            for (Value item : elements) {
                collection.add(read(element, item));
            }
            return collection;
        }
    }

    private final class MapReader extends ValueReader {
        private final Class<?> keyType;
        private final ValueReader values;

        MapReader(Class<?> raw, Class<?> keyType, ValueReader values) {
            super(raw);
            this.keyType = keyType;
            this.values = values;
        }

        @Override
        @Nullable Object readPresent(Value value) {
            if (value.kind() != ValueKind.OBJECT) {
                return readScalar(value, raw);
            }
            Map<Object, Object> map = raw.isInterface() ? new LinkedHashMap<>() : CollectionFactory.createMap(raw, value.size());
            value.asMap().forEach((k, v) -> map.put(keyType == String.class || keyType == Object.class ? k
                    : conversionService.convert(k, keyType), read(values, v)));
            return map;
        }
    }

    /** How one property is read: from the document id, the document version or its stored field. */
    private final class PropertyReader {
        final GlenPersistentProperty property;
        final Class<?> type;
        final String fieldName;
        final boolean id;
        final boolean version;
        final @Nullable ValueReader reader;
        private int slot;

        PropertyReader(GlenPersistentProperty property) {
            this.property = property;
            this.type = property.getType();
            this.id = property.isIdProperty();
            this.version = !id && property.isVersionProperty();
            this.fieldName = property.getFieldName();
            this.reader = id || version ? null : readerFor(property.getTypeInformation());
        }

        @Nullable Object read(Value value, @Nullable String documentId, long documentVersion) {
            if (id) {
                return documentId == null ? null : idFromString(documentId, type);
            }
            if (version) {
                return type == Long.class || type == long.class ? Long.valueOf(documentVersion)
                        : conversionService.convert(documentVersion, type);
            }
            return MappingGlenConverter.this.read(reader, field(value));
        }

        /**
         * The stored field: objects of one entity type tend to have the same fields, so the
         * position where it was found last is tried first (a racy hint, always checked).
         */
        private @Nullable Value field(Value value) {
            if (!(value instanceof ObjectValue object)) {
                return value.get(fieldName);
            }
            int size = object.size();
            int hint = slot;
            if (hint < size && object.nameAt(hint).equals(fieldName)) {
                return object.valueAt(hint);
            }
            if (size > 16) {
                return object.get(fieldName);
            }
            for (int i = 0; i < size; i++) {
                if (object.nameAt(i).equals(fieldName)) {
                    slot = i;
                    return object.valueAt(i);
                }
            }
            return null;
        }
    }

    /** Everything reading an entity needs, resolved once per type. */
    private final class EntityReader {
        final GlenPersistentEntity<?> entity;
        final EntityInstantiator instantiator;
        final Map<GlenPersistentProperty, PropertyReader> byProperty = new IdentityHashMap<>();
        /** The creator's parameters by name; null: resolve them as Spring Data does. */
        final @Nullable Map<String, PropertyReader> parameters;
        /** The properties set after instantiation, in property order. */
        final PropertyReader[] setters;
        /** Whether the setters go through one generated accessor (else through the entity's accessor). */
        final boolean generatedAccessor;

        EntityReader(GlenPersistentEntity<?> entity) {
            this.entity = entity;
            this.instantiator = instantiators.getInstantiatorFor(entity);
            List<PropertyReader> set = new ArrayList<>();
            boolean allReadable = true;
            for (GlenPersistentProperty property : entity) {
                PropertyReader reader = new PropertyReader(property);
                byProperty.put(property, reader);
                if (entity.isCreatorArgument(property) || !property.isWritable()) {
                    continue;
                }
                set.add(reader);
                // The entity's accessor hands readable properties to the generated accessor; the
                // others it sets by creating a new instance.
                allReadable &= property.isReadable();
            }
            this.setters = set.toArray(new PropertyReader[0]);
            this.generatedAccessor = allReadable && accessorFactory != null && accessorFactory.isSupported(entity);
            this.parameters = parameterReaders(entity);
        }

        private @Nullable Map<String, PropertyReader> parameterReaders(GlenPersistentEntity<?> entity) {
            InstanceCreatorMetadata<GlenPersistentProperty> creator = entity.getInstanceCreatorMetadata();
            if (creator == null) {
                return Map.of();
            }
            Map<String, PropertyReader> readers = new HashMap<>();
            for (Parameter<Object, GlenPersistentProperty> parameter : creator.getParameters()) {
                if (creator.isParentParameter(parameter)) {
                    return null;
                }
                String name = parameter.getName();
                GlenPersistentProperty property = name == null ? null : entity.getPersistentProperty(name);
                if (property == null) {
                    return null; // Spring Data reports it when instantiating
                }
                readers.put(name, byProperty.get(property));
            }
            return readers;
        }
    }

    private EntityReader reader(Class<?> type) {
        EntityReader reader = entityReaders.get(type);
        if (reader == null) {
            GlenPersistentEntity<?> entity = mappingContext.getRequiredPersistentEntity(type);
            reader = entityReaders.computeIfAbsent(type, t -> new EntityReader(entity));
        }
        return reader;
    }

    /** The values of one stored object, for the instantiator and the setters. */
    private final class StoredValues implements PropertyValueProvider<GlenPersistentProperty>,
            ParameterValueProvider<GlenPersistentProperty> {
        private final EntityReader plan;
        private final Value value;
        private final @Nullable String id;
        private final long version;

        StoredValues(EntityReader plan, Value value, @Nullable String id, long version) {
            this.plan = plan;
            this.value = value;
            this.id = id;
            this.version = version;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> @Nullable V getPropertyValue(GlenPersistentProperty property) {
            PropertyReader reader = plan.byProperty.get(property);
            return (V) (reader != null ? reader : new PropertyReader(property)).read(value, id, version);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> @Nullable V getParameterValue(Parameter<V, GlenPersistentProperty> parameter) {
            String name = parameter.getName();
            PropertyReader reader = plan.parameters == null || name == null ? null : plan.parameters.get(name);
            if (reader == null) {
                return new PersistentEntityParameterValueProvider<>(plan.entity, this, null).getParameterValue(parameter);
            }
            return (V) reader.read(value, id, version);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object readEntity(Value value, EntityReader plan, @Nullable String id, long version) {
        GlenPersistentEntity entity = plan.entity;
        StoredValues values = new StoredValues(plan, value, id, version);
        Object instance = plan.instantiator.createInstance(entity, values);
        PropertyReader[] setters = plan.setters;
        if (setters.length == 0) {
            return instance;
        }
        if (plan.generatedAccessor) {
            PersistentPropertyAccessor<Object> accessor = accessorFactory.getPropertyAccessor(entity, instance);
            for (PropertyReader setter : setters) {
                Object propertyValue = setter.read(value, id, version);
                if (propertyValue != null) {
                    // As ConvertingPropertyAccessor does
                    if (!ClassUtils.isAssignable(setter.type, propertyValue.getClass())) {
                        propertyValue = conversionService.convert(propertyValue, setter.type);
                    }
                    accessor.setProperty(setter.property, propertyValue);
                }
            }
            return accessor.getBean();
        }
        PersistentPropertyAccessor<Object> accessor = new ConvertingPropertyAccessor<>(
                entity.getPropertyAccessor(instance), conversionService);
        for (PropertyReader setter : setters) {
            Object propertyValue = setter.read(value, id, version);
            if (propertyValue != null) {
                accessor.setProperty(setter.property, propertyValue);
            }
        }
        return accessor.getBean();
    }
}
