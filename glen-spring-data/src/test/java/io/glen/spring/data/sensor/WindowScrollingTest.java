package io.glen.spring.data.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Keyset windows in both directions. */
@SpringJUnitConfig(SensorConfiguration.class)
class WindowScrollingTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    ReadingRepository readings;

    @BeforeEach
    void tenReadings() {
        readings.deleteAll();
        List<Reading> all = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Reading r = new Reading(String.format("r%02d", i), "S1", i * 10, AT);
            r.setStatus(i % 3 == 0 ? "A" : "B");   // long runs of equal statuses: ties on the sort key
            all.add(r);
        }
        all.add(new Reading("x1", "S2", 1, AT));
        readings.saveAll(all);
    }

    @Test
    void scrollingForwardVisitsEveryRowOnce() {
        assertThat(ids(forwardAll("value"))).containsExactly("r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08",
                "r09", "r10");
    }

    @Test
    void scrollingBackwardFromTheEndVisitsEveryRowOnceInReverseWindows() {
        List<Reading> forward = forwardAll("value");
        ScrollPosition position = ScrollPosition.backward(
                ((KeysetScrollPosition) lastPositionOf(forward, "value")).getKeys());

        List<String> seen = new ArrayList<>();
        Window<Reading> window;
        do {
            window = readings.findFirst3BySensorOrderByValueAsc("S1", position);
            List<String> ids = ids(window.getContent());
            assertThat(ids).isSortedAccordingTo(String::compareTo);
            seen.addAll(0, ids);
            position = window.isEmpty() ? position : window.positionAt(0);
        } while (window.hasNext());

        assertThat(seen).containsExactly("r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08", "r09");
    }

    @Test
    void aBackwardWindowIsTheRowsJustBeforeThePositionInQueryOrder() {
        Window<Reading> first = readings.findFirst3BySensorOrderByValueAsc("S1", ScrollPosition.keyset());
        Window<Reading> second = readings.findFirst3BySensorOrderByValueAsc("S1", first.positionAt(2));

        Window<Reading> back = readings.findFirst3BySensorOrderByValueAsc("S1",
                ScrollPosition.backward(((KeysetScrollPosition) second.positionAt(1)).getKeys()));

        assertThat(ids(back.getContent())).containsExactly("r02", "r03", "r04");
        assertThat(back.hasNext()).isTrue();
        assertThat(((KeysetScrollPosition) back.positionAt(0)).scrollsBackward()).isTrue();
    }

    @Test
    void backwardWindowsHandleRunsOfTiesOnTheSortKey() {
        List<Reading> forward = new ArrayList<>();
        Window<Reading> window = readings.findFirst3BySensorOrderByStatusAsc("S1", ScrollPosition.keyset());
        forward.addAll(window.getContent());
        while (window.hasNext()) {
            window = readings.findFirst3BySensorOrderByStatusAsc("S1", window.positionAt(window.size() - 1));
            forward.addAll(window.getContent());
        }
        assertThat(ids(forward)).containsExactly("r03", "r06", "r09", "r01", "r02", "r04", "r05", "r07", "r08", "r10");

        List<String> backward = new ArrayList<>();
        ScrollPosition position = ScrollPosition.backward(((KeysetScrollPosition) lastPositionOf(forward, "status"))
                .getKeys());
        do {
            window = readings.findFirst3BySensorOrderByStatusAsc("S1", position);
            backward.addAll(0, ids(window.getContent()));
            position = window.isEmpty() ? position : window.positionAt(0);
        } while (window.hasNext());
        assertThat(backward).containsExactly("r03", "r06", "r09", "r01", "r02", "r04", "r05", "r07", "r08");
    }

    @Test
    void rowsDeletedBetweenBackwardWindowsAreNotRepeatedOrSkipped() {
        Window<Reading> last = readings.findFirst3BySensorOrderByValueAsc("S1",
                ScrollPosition.backward(((KeysetScrollPosition) lastPositionOf(forwardAll("value"), "value")).getKeys()));
        assertThat(ids(last.getContent())).containsExactly("r07", "r08", "r09");

        readings.deleteById("r06");
        Window<Reading> before = readings.findFirst3BySensorOrderByValueAsc("S1", last.positionAt(0));

        assertThat(ids(before.getContent())).containsExactly("r03", "r04", "r05");
    }

    private List<Reading> forwardAll(String by) {
        List<Reading> all = new ArrayList<>();
        Window<Reading> window = readings.findFirst3BySensorOrderByValueAsc("S1", ScrollPosition.keyset());
        all.addAll(window.getContent());
        while (window.hasNext()) {
            window = readings.findFirst3BySensorOrderByValueAsc("S1", window.positionAt(window.size() - 1));
            all.addAll(window.getContent());
        }
        return all;
    }

    private ScrollPosition lastPositionOf(List<Reading> forward, String by) {
        Reading last = forward.get(forward.size() - 1);
        java.util.Map<String, Object> keys = new java.util.LinkedHashMap<>();
        keys.put(by, by.equals("value") ? (Object) last.getValue() : last.getStatus());
        keys.put("__glenId", last.getId());
        return ScrollPosition.forward(keys);
    }

    private static List<String> ids(List<Reading> readings) {
        return readings.stream().map(Reading::getId).toList();
    }
}
