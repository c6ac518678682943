package io.glen.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.engine.DocumentTooLargeException;
import io.glen.engine.internal.codec.ByteSink;
import io.glen.engine.internal.codec.ByteSource;
import org.junit.jupiter.api.Test;

/** The codec's streaming entry points (inside the engine): reading and writing within larger buffers. */
class ValueCodecStreamingTest {

    private static final int INT = 3;

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void readLeavesTheSourceAfterTheValue() {
        byte[] two = concat(ValueCodec.encode(Value.of("first")), ValueCodec.encode(Value.of(2)), bytes(0xAB));
        ByteSource in = new ByteSource(two);

        assertThat(ValueCodec.read(in)).isEqualTo(Value.of("first"));
        assertThat(ValueCodec.read(in)).isEqualTo(Value.of(2));
        assertThat(in.u8()).isEqualTo(0xAB);
    }

    @Test
    void writeAppendsToWhatTheSinkAlreadyHolds() {
        ByteSink sink = new ByteSink().u8(0x77);
        ValueCodec.write(sink, Value.of(1), 2);

        assertThat(sink.toByteArray()).containsExactly(bytes(0x77, INT, 2));
    }

    @Test
    void limitCountsOnlyTheValueWrittenNotEarlierSinkContent() {
        ByteSink sink = new ByteSink().bytes(new byte[500]);
        ValueCodec.write(sink, Value.of("abc"), 5);

        assertThat(sink.size()).isEqualTo(505);
        assertThatThrownBy(() -> ValueCodec.write(new ByteSink().bytes(new byte[500]), Value.of("abcd"), 5))
                .isInstanceOf(DocumentTooLargeException.class);
    }
}
