package io.glen.engine.query;

import io.glen.engine.GlenCorruptionException;
import io.glen.engine.internal.index.KeyPart;
import io.glen.engine.value.Value;
import io.glen.engine.value.ValueCodec;
import io.glen.engine.value.ValueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A keyset position in a query's order: the sort values and id of the last row of a page. A query
 * continued {@link Query#after(Cursor) after} it returns exactly the rows that sort after that
 * position, so paging stays correct when rows are inserted or deleted between pages, including
 * the row the cursor came from. {@link #token()} is an opaque URL-safe string for REST clients.
 */
public final class Cursor {

    private final List<SortOrder> order;
    private final Object[] key;
    private final String id;

    Cursor(List<SortOrder> order, Object[] key, String id) {
        this.order = List.copyOf(order);
        this.key = key.clone();
        this.id = id;
    }

    /**
     * A cursor positioned after the row with these sort values and id, for a query ordered by
     * {@code order} (a null key value stands for a missing field).
     */
    public static Cursor of(List<SortOrder> order, List<@Nullable Value> keys, String id) {
        if (order.size() != keys.size()) {
            throw new IllegalArgumentException("a cursor needs one key value per sort order: " + order + " vs " + keys);
        }
        Object[] key = new Object[keys.size()];
        for (int i = 0; i < key.length; i++) {
            Value v = keys.get(i);
            key[i] = v == null ? KeyPart.MISSING : v;
        }
        return new Cursor(order, key, java.util.Objects.requireNonNull(id, "id must not be null"));
    }

    /** The sort orders of the query this cursor belongs to. */
    public List<SortOrder> sortOrders() {
        return order;
    }

    /** The sort values of the row (null where the field was missing). */
    public List<@Nullable Value> keyValues() {
        List<@Nullable Value> values = new ArrayList<>(key.length);
        for (Object part : key) {
            values.add(part instanceof Value v ? v : null);
        }
        return values;
    }

    /** The id of the row. */
    public String documentId() {
        return id;
    }

    List<SortOrder> order() {
        return order;
    }

    Object[] key() {
        return key;
    }

    String id() {
        return id;
    }

    /** The cursor as a URL-safe string. */
    public String token() {
        List<Value> orderValues = new ArrayList<>();
        for (SortOrder o : order) {
            orderValues.add(Value.of(o.direction().name() + ":" + o.path()));
        }
        List<Value> keyValues = new ArrayList<>();
        for (Object part : key) {
            keyValues.add(part == KeyPart.MISSING ? Value.object().put("missing", true).build()
                    : Value.object().put("v", (Value) part).build());
        }
        Value encoded = Value.object().put("o", Value.array(orderValues)).put("k", Value.array(keyValues))
                .put("i", id).build();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ValueCodec.encode(encoded));
    }

    /**
     * Parses a {@link #token()}.
     *
     * @throws IllegalArgumentException when the text is not a cursor token
     */
    public static Cursor parse(String token) {
        try {
            Value v = ValueCodec.decode(Base64.getUrlDecoder().decode(token));
            List<SortOrder> order = new ArrayList<>();
            for (Value o : v.get("o").asList()) {
                String text = o.asString();
                int colon = text.indexOf(':');
                order.add(new SortOrder(text.substring(colon + 1), Direction.valueOf(text.substring(0, colon))));
            }
            List<Value> parts = v.get("k").asList();
            Object[] key = new Object[parts.size()];
            for (int i = 0; i < key.length; i++) {
                Value part = parts.get(i);
                if (part.get("v") != null) {
                    key[i] = part.get("v");
                } else if (Value.TRUE.equals(part.get("missing"))) {
                    key[i] = KeyPart.MISSING;
                } else {
                    throw new IllegalArgumentException("not a Glen cursor: bad key part " + part);
                }
            }
            Value id = v.get("i");
            if (id == null || id.kind() != ValueKind.STRING || key.length != order.size()) {
                throw new IllegalArgumentException("not a Glen cursor");
            }
            return new Cursor(order, key, id.asString());
        } catch (GlenCorruptionException | IllegalStateException | NullPointerException
                 | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a Glen cursor: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cursor that && that.order.equals(order) && that.id.equals(id)
                && KeyPart.compareKeys(that.key, key) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * order.hashCode() + id.hashCode();
    }

    @Override
    public String toString() {
        return "Cursor" + Arrays.toString(key) + "/" + id;
    }
}
