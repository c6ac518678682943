package io.glen.bench.jmh;

import io.glen.bench.BenchDirs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-thread fsync rate of this disk: append 200 bytes (about one Glen WAL record of the
 * benchmark document) and {@code FileChannel.force(false)} (what Glen's WAL calls), in a loop.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class FsyncBaselineBench {

    @State(Scope.Benchmark)
    public static class Log {
        Path dir;
        FileChannel channel;
        final ByteBuffer record = ByteBuffer.allocate(200);
        long position;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = BenchDirs.create("fsync");
            channel = FileChannel.open(dir.resolve("log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
            BenchDirs.delete(dir);
        }
    }

    @Benchmark
    @Threads(1)
    public void writeAndForce(Log log) throws IOException {
        log.record.clear();
        log.channel.write(log.record, log.position);
        log.position += 200;
        log.channel.force(false);
    }
}
