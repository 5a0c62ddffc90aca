package io.basalt.tests.slt;

import static java.util.Objects.requireNonNull;

/**
 * A {@code skipif <engine>} or {@code onlyif <engine>} guard in front of a record.
 *
 * @param onlyIf true for {@code onlyif}, false for {@code skipif}
 * @param engine the engine name the guard names, e.g. {@code mysql}, {@code sqlite}
 */
public record Condition(boolean onlyIf, String engine) {

    public Condition {
        requireNonNull(engine, "engine");
    }

    /** Whether a record behind this guard runs on {@code runningEngine}. */
    public boolean allows(String runningEngine) {
        boolean sameEngine = engine.equalsIgnoreCase(runningEngine);
        return onlyIf == sameEngine;
    }
}
