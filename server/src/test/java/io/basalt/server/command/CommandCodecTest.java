package io.basalt.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.sql.type.SqlType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandCodecTest {

    @Test
    void roundTripsCommandsAndPayloads() {
        TableDef t = new TableDef(0, "d", "t", List.of(new ColumnDef(0, "a", SqlType.decimal(10, 2), true, "1.50", false, "c")),
                "DUPLICATE", List.of("a"), List.of(), List.of("a"), 4, null, Map.of("k", "v"), 5, 0);
        Command c = new Command.CreateTable(t, true, null, null);
        byte[] payload = {1, 2, 3};

        CommandCodec.Decoded d = CommandCodec.decode(ByteBuffer.wrap(CommandCodec.encode(c, payload)));

        assertThat(d.command()).isEqualTo(c);
        assertThat(d.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void userVariablesKeepTheirTypesThroughTheLog() {
        StatementContext sc = StatementContext.of(new io.basalt.server.exec.StatementEnvironment("d", "u", "h", 1,
                java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5), 7, 9, "v", "ANSI_QUOTES", "u@%", 3, 4),
                Map.of("l", 5L, "n", new java.math.BigDecimal("1.50"), "s", "x"),
                java.util.Arrays.asList(1L, null, "p", java.time.LocalDate.of(2024, 2, 29)));
        Command c = new Command.ExecuteDml("UPDATE t SET a = @l", sc);

        Command back = CommandCodec.decode(ByteBuffer.wrap(CommandCodec.encode(c, null))).command();

        assertThat(((Command.ExecuteDml) back).context().variables())
                .containsEntry("l", 5L).containsEntry("n", new java.math.BigDecimal("1.50")).containsEntry("s", "x");
        assertThat(((Command.ExecuteDml) back).context().parameterValues())
                .containsExactly(1L, null, "p", java.time.LocalDate.of(2024, 2, 29));
        assertThat(((Command.ExecuteDml) back).context().environment("v").hasMode("ANSI_QUOTES")).isTrue();
        assertThat(((Command.ExecuteDml) back).context().environment("v").hasMode("ONLY_FULL_GROUP_BY")).isFalse();
    }

    @Test
    void rowCountAndFoundRowsTravelWithTheStatement() throws Exception {
        StatementContext sc = StatementContext.of(new io.basalt.server.exec.StatementEnvironment("d", "u", "h", 1,
                java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5), 0, 9, "v", null, null, 3, 5), Map.of(), List.of());
        Command c = new Command.ExecuteDml("INSERT INTO t VALUES (ROW_COUNT(), FOUND_ROWS())", sc);
        byte[] encoded = CommandCodec.encode(c, null);

        var env = ((Command.ExecuteDml) CommandCodec.decode(ByteBuffer.wrap(encoded)).command()).context().environment("v");
        assertThat(env.rowCount()).isEqualTo(3);
        assertThat(env.foundRows()).isEqualTo(5);

        // Entries logged before the counts were recorded were applied with the old stub's -1: replay must agree.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) CommandCodec.json().readTree(
                java.util.Arrays.copyOfRange(encoded, 6, encoded.length));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("context")).remove(List.of("rowCount", "foundRows"));
        byte[] json = CommandCodec.json().writeValueAsBytes(tree);
        ByteBuffer old = ByteBuffer.allocate(6 + json.length).put(encoded, 0, 2).putInt(json.length).put(json).flip();
        var oldEnv = ((Command.ExecuteDml) CommandCodec.decode(old).command()).context().environment("v");
        assertThat(oldEnv.rowCount()).isEqualTo(-1);
        assertThat(oldEnv.foundRows()).isEqualTo(-1);
    }

    @Test
    void rejectsForeignBytes() {
        assertThatThrownBy(() -> CommandCodec.decode(ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9, 9, 9})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
