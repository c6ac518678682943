package io.glen.spring.data.repository.query;

import io.glen.engine.value.Value;
import java.util.List;

/** A parsed {@code @Query} JSON value; every node knows where it starts in the query text. */
sealed interface JsonNode {

    /** The position of the node's first character in the query text. */
    int position();

    /** A literal: string, number, boolean or null. */
    record Literal(int position, Value value) implements JsonNode {
    }

    /** A {@code ?N} placeholder for the N-th bindable parameter. */
    record Parameter(int position, int index) implements JsonNode {
    }

    /** A {@code ?#{...}} or {@code :#{...}} SpEL expression (kept with its {@code #{}}). */
    record Expression(int position, String expression) implements JsonNode {
    }

    /** An array. */
    record Array(int position, List<JsonNode> elements) implements JsonNode {
    }

    /** An object: its members in the order written. */
    record Object(int position, List<Member> members) implements JsonNode {
    }

    /** One member of an object. */
    record Member(int position, String key, JsonNode value) {
    }
}
