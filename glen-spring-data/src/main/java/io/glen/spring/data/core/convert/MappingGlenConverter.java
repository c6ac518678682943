package io.glen.spring.data.core.convert;

import io.glen.engine.Document;
import io.glen.engine.value.ObjectBuilder;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueKind;
import io.glen.spring.boot.core.GlenValueConverter;
import io.glen.spring.data.core.mapping.GlenMappingContext;
import io.glen.spring.data.core.mapping.GlenPersistentEntity;
import io.glen.spring.data.core.mapping.GlenPersistentProperty;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.ConvertingPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiator;
import org.springframework.data.mapping.model.EntityInstantiators;
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
        return writeValue(object, TypeInformation.of(object.getClass()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(Value value, Class<T> type) {
        return (T) readValue(value, TypeInformation.of(type));
    }

    /** The stored value of an entity (without its id and version). */
    public Value writeEntity(Object entity) {
        GlenPersistentEntity<?> persistent = mappingContext.getRequiredPersistentEntity(entity.getClass());
        return writeEntity(entity, persistent);
    }

    /** Reads a stored document as an entity, setting its id and version. */
    public <T> T read(Class<T> type, Document document) {
        @SuppressWarnings("unchecked")
        GlenPersistentEntity<T> entity = (GlenPersistentEntity<T>) mappingContext.getRequiredPersistentEntity(type);
        if (document.value().kind() != ValueKind.OBJECT) {
            throw new IllegalArgumentException("document '" + document.id() + "' of collection '" + document.collection()
                    + "' is a " + document.value().kind() + ", not an object that maps to " + type.getName());
        }
        return readEntity(document.value(), entity, document.id(), document.version());
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
        return writeValue(value, TypeInformation.of(value.getClass()));
    }

    // ------------------------------------------------------------------ writing

    private Value writeEntity(Object bean, GlenPersistentEntity<?> entity) {
        PersistentPropertyAccessor<?> accessor = entity.getPropertyAccessor(bean);
        ObjectBuilder builder = Value.object();
        for (GlenPersistentProperty property : entity) {
            if (property.isIdProperty() || property.isVersionProperty() || !property.isWritable()
                    && !entity.isCreatorArgument(property)) {
                continue;
            }
            Object value = accessor.getProperty(property);
            if (value != null) {
                builder.put(property.getFieldName(), writeValue(value, property.getTypeInformation()));
            }
        }
        return builder.build();
    }

    private Value writeValue(@Nullable Object value, TypeInformation<?> declared) {
        if (value == null) {
            return Value.NULL;
        }
        if (value instanceof Value v) {
            return v;
        }
        Class<?> type = value.getClass();
        var target = conversions.getCustomWriteTarget(type);
        if (target.isPresent()) {
            Object converted = conversionService.convert(value, target.get());
            return converted == null ? Value.NULL : writeSimple(converted);
        }
        if (isSimple(type)) {
            return writeSimple(value);
        }
        if (type.isArray() && type != byte[].class) {
            List<Value> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(writeValue(Array.get(value, i), elementType(declared)));
            }
            return Value.array(elements);
        }
        if (value instanceof Collection<?> collection) {
            List<Value> elements = new ArrayList<>(collection.size());
            for (Object element : collection) {
                elements.add(writeValue(element, elementType(declared)));
            }
            return Value.array(elements);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectBuilder builder = Value.object();
            TypeInformation<?> valueType = declared.getMapValueType() != null ? declared.getMapValueType()
                    : TypeInformation.OBJECT;
            map.forEach((k, v) -> builder.put(mapKey(k), writeValue(v, valueType)));
            return builder.build();
        }
        return writeEntity(value, mappingContext.getRequiredPersistentEntity(type));
    }

    private static TypeInformation<?> elementType(TypeInformation<?> declared) {
        TypeInformation<?> component = declared.getComponentType();
        return component != null ? component : TypeInformation.OBJECT;
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

    private <T> T readEntity(Value value, GlenPersistentEntity<T> entity, @Nullable String id, long version) {
        PropertyValueProvider<GlenPersistentProperty> provider = new PropertyValueProvider<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> @Nullable V getPropertyValue(GlenPersistentProperty property) {
                if (property.isIdProperty()) {
                    return id == null ? null : (V) idFromString(id, property.getType());
                }
                if (property.isVersionProperty()) {
                    return (V) conversionService.convert(version, property.getType());
                }
                return (V) readValue(value.get(property.getFieldName()), property.getTypeInformation());
            }
        };
        EntityInstantiator instantiator = instantiators.getInstantiatorFor(entity);
        T instance = instantiator.createInstance(entity, new PersistentEntityParameterValueProvider<>(entity, provider, null));
        PersistentPropertyAccessor<T> accessor = new ConvertingPropertyAccessor<>(entity.getPropertyAccessor(instance),
                conversionService);
        for (GlenPersistentProperty property : entity) {
            if (entity.isCreatorArgument(property) || !property.isWritable()) {
                continue;
            }
            Object propertyValue = provider.getPropertyValue(property);
            if (propertyValue != null) {
                accessor.setProperty(property, propertyValue);
            }
        }
        return accessor.getBean();
    }

    private @Nullable Object readValue(@Nullable Value value, TypeInformation<?> type) {
        Class<?> raw = type.getType();
        if (value == null || value.isNull()) {
            return raw.isPrimitive() ? conversionService.convert(0, raw) : null;
        }
        if (raw == Value.class) {
            return value;
        }
        if (raw.isArray() && raw != byte[].class) {
            List<Value> elements = value.kind() == ValueKind.ARRAY ? value.asList() : List.of(value);
            Class<?> component = raw.getComponentType();
            Object array = Array.newInstance(component, elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, readValue(elements.get(i), TypeInformation.of(component)));
            }
            return array;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            List<Value> elements = value.kind() == ValueKind.ARRAY ? value.asList() : List.of(value);
            Collection<Object> collection = CollectionFactory.createCollection(raw.isInterface() ? (java.util.Set.class
                    .isAssignableFrom(raw) ? java.util.LinkedHashSet.class : ArrayList.class) : raw, elements.size());
            for (Value element : elements) {
                collection.add(readValue(element, elementType(type)));
            }
            return collection;
        }
        if (Map.class.isAssignableFrom(raw) && value.kind() == ValueKind.OBJECT) {
            Map<Object, Object> map = raw.isInterface() ? new LinkedHashMap<>() : CollectionFactory.createMap(raw, value.size());
            Class<?> keyType = type.getComponentType() != null ? type.getComponentType().getType() : String.class;
            TypeInformation<?> valueType = type.getMapValueType() != null ? type.getMapValueType() : TypeInformation.OBJECT;
            value.asMap().forEach((k, v) -> map.put(keyType == String.class || keyType == Object.class ? k
                    : conversionService.convert(k, keyType), readValue(v, valueType)));
            return map;
        }
        if (value.kind() == ValueKind.OBJECT && !isSimple(raw) && raw != Object.class
                && !conversions.hasCustomReadTarget(Map.class, raw)) {
            return readEntity(value, mappingContext.getRequiredPersistentEntity(raw), null, 0);
        }
        Object java = value.toJava();
        if (java == null || raw == Object.class || raw.isInstance(java) && !(java instanceof Double && raw == Object.class)) {
            return java;
        }
        return conversionService.convert(java, raw);
    }
}
