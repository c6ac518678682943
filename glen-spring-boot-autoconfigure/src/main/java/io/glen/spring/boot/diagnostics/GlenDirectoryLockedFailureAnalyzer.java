package io.glen.spring.boot.diagnostics;

import io.glen.spring.boot.autoconfigure.GlenDirectoryLockedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The data directory is open in another process. */
class GlenDirectoryLockedFailureAnalyzer extends AbstractFailureAnalyzer<GlenDirectoryLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GlenDirectoryLockedException cause) {
        return new FailureAnalysis("The Glen data directory " + cause.getDirectory()
                + " is locked: another process (or another GlenDB in this one) has it open. A directory is"
                + " opened by one process at a time.",
                "Stop the other process (for example another instance of this application, or the glen"
                        + " command-line tool), or point this application at another directory with glen.dir.",
                cause);
    }
}
