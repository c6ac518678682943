package io.glen.engine.durability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripted fault-injection and power-loss loops of {@link WalFaultInjectionTest} and
 * {@link PowerLossTest} on other seeds and twice as long scripts (300 state operations), in every
 * {@link SyncSetup}. Several minutes; run with {@code ./mvnw -Psoak verify}.
 */
@Tag("soak")
class DurabilitySoakTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void failEveryOperationOnLongerScripts(long seed) {
        Scenario scenario = Scenario.of(seed, 300);
        for (SyncSetup setup : SyncSetup.values()) {
            for (WalFaultInjectionTest.Kind kind : WalFaultInjectionTest.Kind.values()) {
                WalFaultInjectionTest.failEveryOperation(scenario, setup, kind);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void powerLossAtEveryMutationOnLongerScripts(long seed) {
        Scenario scenario = Scenario.of(seed, 300);
        for (SyncSetup setup : SyncSetup.values()) {
            PowerLossTest.powerLossAtEveryMutation(scenario, setup);
        }
    }
}
