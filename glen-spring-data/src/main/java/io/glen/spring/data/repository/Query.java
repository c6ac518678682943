package io.glen.spring.data.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query method's filter written as JSON in the style of Spring Data MongoDB's {@code @Query}:
 *
 * <pre>{@code
 * @Query(value = "{ 'status': ?0, 'total': { '$gt': ?1 } }", sort = "{ 'total': -1 }")
 * List<Order> findLarge(OrderStatus status, double minimum);
 * }</pre>
 *
 * <p>Keys are property paths of the entity (dotted for nested properties; {@code @Field} names are
 * applied), values are JSON literals, {@code ?0}-style parameter placeholders or SpEL expressions
 * {@code ?#{ ... }} (parameters as {@code [0]} or {@code #name}). Operators: {@code $eq}, {@code $ne},
 * {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $in}, {@code $nin}, {@code $exists},
 * {@code $regex} (with {@code $options: 'i'}), {@code $not}, and {@code $and}, {@code $or},
 * {@code $nor} over lists of filters. The filter becomes an engine filter, planned onto indexes like
 * a derived query's. It is parsed when the repository is created: a syntax mistake, an unknown
 * operator or property, or a placeholder without a parameter fails startup naming the position.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Query {

    /** The filter, a JSON object. */
    String value() default "{}";

    /** The order, a JSON object of property paths to 1 (ascending) or -1 (descending). */
    String sort() default "";

    /**
     * The properties to read, a JSON object of property names to 1 (only these) or 0 (all but
     * these); the others are left unset on the returned entities. The id and version are always set.
     */
    String fields() default "";

    /** Whether the method returns the number of matches. */
    boolean count() default false;

    /** Whether the method returns whether anything matches. */
    boolean exists() default false;

    /** Whether the method deletes the matches. */
    boolean delete() default false;
}
