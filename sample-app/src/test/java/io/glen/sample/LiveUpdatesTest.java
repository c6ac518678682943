package io.glen.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glen.sample.live.LiveUpdates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** The live connections are bounded and ended on shutdown. */
class LiveUpdatesTest {

    @Test
    void boundedAndClosedOnStop() {
        LiveUpdates live = new LiveUpdates(2, Duration.ofMinutes(1));
        live.start();
        live.connect();
        live.connect();
        assertThat(live.clients()).isEqualTo(2);
        assertThatThrownBy(live::connect).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("too many live connections");
        live.stop();
        assertThat(live.clients()).isZero();
        assertThatThrownBy(live::connect).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("shutting down");
    }
}
