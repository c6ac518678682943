package io.glen.bench.jmh;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A random generator per benchmark thread. */
@State(Scope.Thread)
public class ThreadRandom {

    SplittableRandom random;

    @Setup
    public void setup() {
        random = new SplittableRandom(System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    long nextLong(long bound) {
        return random.nextLong(bound);
    }
}
