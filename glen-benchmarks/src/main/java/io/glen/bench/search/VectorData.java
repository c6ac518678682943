package io.glen.bench.search;

import java.util.SplittableRandom;

/**
 * Seeded vector data for the vector benchmarks, unit length (cosine and dot product then rank the
 * same, so every library can use its fastest unit-vector similarity).
 *
 * <ul>
 *   <li>{@code uniform}: components uniform in [-1, 1), normalized: no structure at all, the hardest
 *       case for a graph index;</li>
 *   <li>{@code clustered}: one of 1,000 random centres plus gaussian noise in a random 32-dimensional
 *       subspace of the centre's cluster, normalized. Real sentence embeddings are clustered by
 *       topic and have a low intrinsic dimension; this is the nearest seeded stand-in without
 *       shipping a data set.</li>
 * </ul>
 */
final class VectorData {

    private static final int CLUSTERS = 1_000;
    private static final int CLUSTER_RANK = 32;

    private VectorData() {
    }

    /** {@code count} vectors of the named distribution; the same arguments give the same vectors. */
    static float[][] generate(String distribution, long seed, int count, int dimensions) {
        return switch (distribution) {
            case "uniform" -> uniform(seed, count, dimensions);
            case "clustered" -> clustered(seed, count, dimensions);
            default -> throw new IllegalArgumentException("unknown distribution " + distribution);
        };
    }

    private static float[][] uniform(long seed, int count, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][dimensions];
        for (float[] v : vectors) {
            for (int d = 0; d < dimensions; d++) {
                v[d] = (float) (random.nextDouble() * 2 - 1);
            }
            normalize(v);
        }
        return vectors;
    }

    private static float[][] clustered(long seed, int count, int dimensions) {
        // Centres and cluster bases come from a fixed seed, so data and queries share them.
        SplittableRandom shape = new SplittableRandom(20261204L);
        float[][] centres = new float[CLUSTERS][dimensions];
        float[][][] bases = new float[CLUSTERS][CLUSTER_RANK][dimensions];
        for (int c = 0; c < CLUSTERS; c++) {
            for (int d = 0; d < dimensions; d++) {
                centres[c][d] = (float) gaussian(shape);
            }
            normalize(centres[c]);
            for (float[] axis : bases[c]) {
                for (int d = 0; d < dimensions; d++) {
                    axis[d] = (float) (gaussian(shape) / Math.sqrt(dimensions));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][dimensions];
        for (float[] v : vectors) {
            int c = random.nextInt(CLUSTERS);
            System.arraycopy(centres[c], 0, v, 0, dimensions);
            for (float[] axis : bases[c]) {
                double weight = gaussian(random) * 0.35;
                for (int d = 0; d < dimensions; d++) {
                    v[d] += (float) (weight * axis[d]);
                }
            }
            for (int d = 0; d < dimensions; d++) {
                v[d] += (float) (gaussian(random) * 0.01);
            }
            normalize(v);
        }
        return vectors;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (v[d] / norm);
        }
    }
}
