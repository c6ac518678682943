package io.glen.engine.search.vector;

import java.util.SplittableRandom;

/** Seeded vector data for the tests: uniform in a cube, or gathered round random centres like real embeddings. */
final class TestVectors {

    private TestVectors() {
    }

    /** {@code count} vectors with components uniform in [-1, 1). */
    static float[][] uniform(long seed, int count, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][dimensions];
        for (float[] v : vectors) {
            for (int d = 0; d < dimensions; d++) {
                v[d] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return vectors;
    }

    /**
     * {@code count} vectors, each a random one of {@code clusters} centres plus gaussian noise of
     * deviation {@code spread} along 4 random directions of its cluster: clustered data with a low
     * intrinsic dimension, like real embeddings.
     */
    static float[][] clustered(long seed, int count, int dimensions, int clusters, double spread) {
        SplittableRandom shape = new SplittableRandom(31337);
        float[][] centres = uniform(shape.nextLong(), clusters, dimensions);
        float[][][] axes = new float[clusters][4][];
        for (int c = 0; c < clusters; c++) {
            axes[c] = uniform(shape.nextLong(), 4, dimensions);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][dimensions];
        for (float[] v : vectors) {
            int c = random.nextInt(clusters);
            System.arraycopy(centres[c], 0, v, 0, dimensions);
            for (float[] axis : axes[c]) {
                double weight = gaussian(random) * spread;
                for (int d = 0; d < dimensions; d++) {
                    v[d] += (float) (weight * axis[d]);
                }
            }
        }
        return vectors;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A fresh index of {@code vectors} under ids "v0", "v1", ... */
    static VectorIndex index(VectorIndexConfig config, float[][] vectors) {
        VectorIndex index = new VectorIndex(config);
        for (int i = 0; i < vectors.length; i++) {
            index.put("v" + i, vectors[i]);
        }
        return index;
    }
}
