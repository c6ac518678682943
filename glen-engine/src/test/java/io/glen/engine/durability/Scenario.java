package io.glen.engine.durability;

import java.util.List;

/**
 * A scripted workload (see {@link Ops#script}) with its prefix states.
 *
 * @param seed the generator seed
 * @param script the operations
 * @param prefixes the state after each prefix (index = LSN on a fresh database)
 */
record Scenario(long seed, List<Ops.Op> script, Harness.Prefixes prefixes) {

    static Scenario of(long seed, int stateOps) {
        List<Ops.Op> script = Ops.script(seed, stateOps);
        return new Scenario(seed, script, new Harness.Prefixes(new Model(), script));
    }

    int stateOps() {
        return prefixes.last();
    }

    @Override
    public String toString() {
        return "script(seed " + seed + ", " + stateOps() + " operations)";
    }
}
