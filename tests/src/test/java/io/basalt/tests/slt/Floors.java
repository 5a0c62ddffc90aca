package io.basalt.tests.slt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Minimum pass percentages per corpus file, from the checked-in {@code slt/floors.properties}
 * ({@code <relative path> = <percent>}). A file that is not listed has floor 0.
 */
public final class Floors {

    private final Properties floors;

    private Floors(Properties floors) {
        this.floors = floors;
    }

    /** Loads {@code /slt/floors.properties} from the test class path. */
    public static Floors load() {
        Properties p = new Properties();
        try (InputStream in = Floors.class.getResourceAsStream("/slt/floors.properties")) {
            if (in == null) {
                throw new IllegalStateException("slt/floors.properties is missing from the test resources");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Floors(p);
    }

    static Floors of(Properties p) {
        return new Floors(p);
    }

    /** The floor for {@code file} (relative path), in percent. */
    public double floor(String file) {
        String v = floors.getProperty(file);
        return v == null ? 0.0 : Double.parseDouble(v.trim());
    }
}
