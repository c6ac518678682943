package io.glen.spring.boot.diagnostics;

import io.glen.engine.GlenCorruptionException;
import java.nio.file.Path;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Opening the database found damaged files: the WAL (with the salvage option named) or a snapshot. */
class GlenCorruptionFailureAnalyzer extends AbstractFailureAnalyzer<GlenCorruptionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GlenCorruptionException cause) {
        Path file = cause.file();
        String where = file == null ? "" : " in " + file + (cause.offset() >= 0 ? " at offset " + cause.offset() : "");
        if (file != null && file.getFileName().toString().startsWith("glen.wal")) {
            return new FailureAnalysis("The Glen write-ahead log is corrupt" + where + ": " + cause.getMessage()
                    + ". Damage followed by valid records is not a torn tail, so Glen refuses to start rather"
                    + " than lose the records after it silently.",
                    "Restore the data directory from a backup, or start once with glen.wal.salvage=true to skip the"
                            + " damaged records (they are lost; stats report how many bytes were skipped) and set it"
                            + " back to false afterwards.",
                    cause);
        }
        return new FailureAnalysis("Glen found corrupt data" + where + ": " + cause.getMessage() + ".",
                "Restore the data directory from a backup (a damaged snapshot is never half-loaded; the"
                        + " glen verify command checks a directory).",
                cause);
    }
}
