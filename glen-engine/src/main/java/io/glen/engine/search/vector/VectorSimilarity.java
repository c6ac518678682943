package io.glen.engine.search.vector;

/**
 * How two vectors are compared, and how the comparison becomes a score.
 *
 * <p>Scores follow Spring Data's vector search conventions ({@code Similarity} with
 * {@code VectorScoringFunctions} COSINE, DOT and EUCLIDEAN, normalized the way Spring Data JPA's
 * {@code SimilarityNormalizer} turns database distances into similarities; Lucene and Cassandra
 * use the same formulas), so that the Spring layer can hand them out unchanged. Higher is more
 * similar; results are ordered by score, best first:
 *
 * <table>
 *   <caption>Scores</caption>
 *   <tr><th>similarity</th><th>score</th><th>range</th></tr>
 *   <tr><td>{@link #COSINE}</td><td>{@code (1 + cos(a, b)) / 2}</td><td>[0, 1]</td></tr>
 *   <tr><td>{@link #DOT_PRODUCT}</td><td>{@code (1 + a·b) / 2}</td>
 *       <td>[0, 1] for unit-length vectors; unbounded otherwise (the order stays right)</td></tr>
 *   <tr><td>{@link #EUCLIDEAN}</td><td>{@code 1 / (1 + |a - b|²)}</td><td>(0, 1]</td></tr>
 * </table>
 *
 * <p>{@link #DOT_PRODUCT} does not require unit vectors (it is also maximum inner product search),
 * but only unit vectors give a score inside [0, 1], which Spring's {@code Similarity.of} demands;
 * the Spring layer uses {@code Similarity.raw} or documents unit vectors. {@link #COSINE} stores a
 * normalized copy of each vector and therefore rejects zero vectors.
 */
public enum VectorSimilarity {

    /** The cosine of the angle between the vectors, ignoring their lengths. */
    COSINE {
        @Override
        float[] prepare(float[] vector) {
            double norm = VectorMath.norm(vector);
            if (norm == 0) {
                throw new IllegalArgumentException(
                        "a zero vector has no direction, so its COSINE similarity is undefined");
            }
            float[] unit = new float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                unit[i] = (float) (vector[i] / norm);
            }
            return unit;
        }

        @Override
        float compare(float[] a, float[] b) {
            return VectorMath.dot(a, b);
        }

        @Override
        double score(float comparison) {
            // Rounding can push the cosine of unit vectors a hair outside [-1, 1].
            return Math.min(1.0, Math.max(0.0, (1.0 + comparison) / 2.0));
        }
    },

    /** The dot product: the cosine scaled by both lengths. */
    DOT_PRODUCT {
        @Override
        float[] prepare(float[] vector) {
            return vector.clone();
        }

        @Override
        float compare(float[] a, float[] b) {
            return VectorMath.dot(a, b);
        }

        @Override
        double score(float comparison) {
            return (1.0 + comparison) / 2.0;
        }
    },

    /** The straight-line distance between the vectors. */
    EUCLIDEAN {
        @Override
        float[] prepare(float[] vector) {
            return vector.clone();
        }

        @Override
        float compare(float[] a, float[] b) {
            return -VectorMath.squareDistance(a, b);
        }

        @Override
        double score(float comparison) {
            return 1.0 / (1.0 - comparison);
        }
    };

    /**
     * The score of two vectors of equal length under this similarity, as the index reports it.
     *
     * @throws IllegalArgumentException if the lengths differ, a component is not finite, or (for
     *     {@link #COSINE}) a vector is zero
     */
    public double score(float[] a, float[] b) {
        return score(compare(prepare(validate(a, b.length)), prepare(validate(b, a.length))));
    }

    /**
     * Checks that {@code vector} has {@code dimensions} finite components.
     *
     * @return {@code vector}
     * @throws IllegalArgumentException naming the first problem
     */
    static float[] validate(float[] vector, int dimensions) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, expected " + dimensions);
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException("vector component " + i + " is " + vector[i]
                        + "; every component must be a finite number");
            }
        }
        return vector;
    }

    /** The form the index stores and compares: a copy, normalized for {@link #COSINE}. */
    abstract float[] prepare(float[] vector);

    /** Compares two prepared vectors; higher is more similar, and order agrees with {@link #score(float)}. */
    abstract float compare(float[] a, float[] b);

    /** Turns a {@link #compare} result into the reported score. */
    abstract double score(float comparison);
}
