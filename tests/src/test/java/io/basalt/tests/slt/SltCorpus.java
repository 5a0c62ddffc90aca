package io.basalt.tests.slt;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The {@code .test} files of a corpus directory, by path relative to it, optionally narrowed by globs. */
public final class SltCorpus {

    private SltCorpus() {
    }

    /**
     * Lists the corpus's {@code .test} files, sorted by relative path ({@code /}-separated).
     *
     * @param globs comma-separated globs over relative paths ({@code evidence/*.test}, {@code select1.test},
     *              {@code **}{@code /slt_good_0.test}); blank or null selects every file
     */
    public static List<String> list(Path root, String globs) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no sqllogictest corpus at " + root + " (set -Dbasalt.slt.dir)");
        }
        List<PathMatcher> matchers = globs == null || globs.isBlank() ? List.of()
                : Arrays.stream(globs.split(",")).map(String::trim).filter(g -> !g.isEmpty())
                        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".test"))
                    .map(root::relativize)
                    .filter(rel -> matchers.isEmpty() || matchers.stream().anyMatch(m -> m.matches(rel)))
                    .map(rel -> rel.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
