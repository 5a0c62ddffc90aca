package io.basalt.tests.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are in the checkout: the repository root, the server jar, the tests module's build
 * directory and the shared conformance corpus. The pom passes {@code basalt.repo.root}; without it (a
 * test run from an IDE) the root is found by walking up from the working directory.
 */
public final class RepoLayout {

    private RepoLayout() {
    }

    /** The repository root: the directory holding the root pom and the {@code server/} and {@code tests/} modules. */
    public static Path root() {
        String configured = System.getProperty("basalt.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("server"))
                    && Files.isDirectory(dir.resolve("tests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath()
                + "; set -Dbasalt.repo.root");
    }

    /** The sqllogictest corpus: {@code -Dbasalt.slt.dir}, else {@code ../shared/slt} beside the repository. */
    public static Path sltDir() {
        String configured = System.getProperty("basalt.slt.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return root().resolve("../shared/slt").normalize();
    }

    /** The fat jar the server module's package phase builds. */
    public static Path serverJar() {
        return root().resolve("server/target/basalt.jar");
    }

    /** The server module's compiled classes (newer than the jar when only {@code mvn test} ran). */
    public static Path serverClasses() {
        return root().resolve("server/target/classes");
    }

    /** The tests module's build directory, where logs, data directories and reports go. */
    public static Path testsTarget() {
        return root().resolve("tests/target");
    }
}
