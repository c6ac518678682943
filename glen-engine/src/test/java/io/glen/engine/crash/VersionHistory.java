package io.glen.engine.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything observed of one database across kills: which write (token) each version was seen
 * with. A version identifies one write for the life of the database, so seeing it with a second
 * token is a violation: the version was given to other content. Also the highest version each
 * document was seen at in the current cycle, to check after recovery which of them survived.
 */
final class VersionHistory {

    private final Map<Long, String> tokenOfVersion = new HashMap<>();
    private final Map<String, Long> highestSeenThisCycle = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long observations;
    private long violationCount;

    /** Records that {@code collection/id} was seen at {@code version} holding {@code token}. */
    synchronized void observe(String collection, String id, long version, String token, String source) {
        observations++;
        String earlier = tokenOfVersion.putIfAbsent(version, token);
        if (earlier != null && !earlier.equals(token)) {
            violation("version " + version + " was seen with write " + earlier + " and, " + source + ", with write "
                    + token + " (" + collection + "/" + id + ")");
        }
        highestSeenThisCycle.merge(collection + "/" + id, version, Math::max);
    }

    /** The highest version each document was seen at since {@link #startCycle}. */
    synchronized Map<String, Long> highestSeenThisCycle() {
        return Map.copyOf(highestSeenThisCycle);
    }

    synchronized void startCycle() {
        highestSeenThisCycle.clear();
    }

    synchronized void violation(String text) {
        violationCount++;
        if (violations.size() < 50) {
            violations.add(text);
        }
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized long violationCount() {
        return violationCount;
    }

    synchronized long observations() {
        return observations;
    }

    synchronized int distinctVersions() {
        return tokenOfVersion.size();
    }
}
