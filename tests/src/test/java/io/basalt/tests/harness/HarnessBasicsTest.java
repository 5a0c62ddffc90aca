package io.basalt.tests.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HarnessBasicsTest {

    @Test
    void repoLayoutFindsTheCheckout() {
        assertThat(RepoLayout.root().resolve("tests/pom.xml")).isRegularFile();
        assertThat(RepoLayout.root().resolve("server/pom.xml")).isRegularFile();
        assertThat(RepoLayout.serverJar()).hasFileName("basalt.jar");
        assertThat(RepoLayout.testsTarget()).isEqualTo(RepoLayout.root().resolve("tests/target"));
    }

    @Test
    void sltDirHonoursTheOverride() {
        String before = System.getProperty("basalt.slt.dir");
        try {
            System.setProperty("basalt.slt.dir", "/tmp/elsewhere/../slt");
            assertThat(RepoLayout.sltDir().toString()).isEqualTo("/tmp/slt");
            System.clearProperty("basalt.slt.dir");
            assertThat(RepoLayout.sltDir()).isEqualTo(RepoLayout.root().resolve("../shared/slt").normalize());
        } finally {
            if (before != null) {
                System.setProperty("basalt.slt.dir", before);
            }
        }
    }

    @Test
    void portsAreDistinctAndOnTheLoopback() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ports.add(Ports.freePort());
        }
        assertThat(ports).hasSize(20).allSatisfy(p -> assertThat(p).isBetween(1, 65535));
    }

    @Test
    void jdbcUrlsSwapTheDatabaseAndKeepParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306/?user=root", "db1"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/db1?user=root");
        assertThat(JdbcUrls.withDatabase("jdbc:mysql://h:1/old?user=root&useSSL=false", "new"))
                .isEqualTo("jdbc:mysql://h:1/new?user=root&useSSL=false");
        assertThat(JdbcUrls.withDatabase("jdbc:mysql://h:1", "x")).isEqualTo("jdbc:mysql://h:1/x");
        assertThat(JdbcUrls.withDatabase("jdbc:mysql://h:1/old", null)).isEqualTo("jdbc:mysql://h:1/");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("nonsense", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void basaltLaunchTargetIsTheJarOrTheMainClass() {
        var target = BasaltProcess.launchTarget();
        if (Files.isRegularFile(RepoLayout.serverJar()) && target.get(0).equals("-jar")) {
            assertThat(target).containsExactly("-jar", RepoLayout.serverJar().toString());
        } else {
            assertThat(target).hasSize(3).first().isEqualTo("-cp");
            assertThat(target.get(2)).isEqualTo(BasaltProcess.MAIN_CLASS);
        }
    }
}
