package io.basalt.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.session.IngestOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.sql.FlightSqlClient.ExecuteIngestOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableExistsOption;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions.TableNotExistOption;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CommandStatementIngest over the fake session layer. */
class FlightSqlIngestTest {
    private FlightFixture flight;

    @BeforeEach
    void start() throws Exception {
        flight = new FlightFixture();
    }

    @AfterEach
    void stop() throws Exception {
        flight.close();
    }

    private byte[] batches(int count, int rowsEach) throws Exception {
        Schema schema = new Schema(List.of(Field.nullable("k", new ArrowType.Int(64, true))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, flight.clientAllocator());
                ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
            w.start();
            for (int b = 0; b < count; b++) {
                root.allocateNew();
                for (int i = 0; i < rowsEach; i++) {
                    ((BigIntVector) root.getVector(0)).setSafe(i, (long) b * rowsEach + i);
                }
                root.setRowCount(rowsEach);
                w.writeBatch();
            }
            w.end();
        }
        return out.toByteArray();
    }

    private static ExecuteIngestOptions options(String table, TableNotExistOption ifMissing, TableExistsOption ifExists) {
        return new ExecuteIngestOptions(table, TableDefinitionOptions.newBuilder().setIfNotExist(ifMissing)
                .setIfExists(ifExists).build(), null, "shop", null);
    }

    @Test
    void ingestHandsEveryBatchToTheSessionAndReportsTheRowCount() throws Exception {
        FlightFixture.Login login = flight.login();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(batches(25, 4000)),
                flight.clientAllocator())) {
            long n = login.sql().executeIngest(reader, options("events",
                    TableNotExistOption.TABLE_NOT_EXIST_OPTION_CREATE, TableExistsOption.TABLE_EXISTS_OPTION_APPEND),
                    login.token());
            assertThat(n).isEqualTo(100_000);
        }

        assertThat(login.session().ingestedRows).isEqualTo(100_000);
        assertThat(login.session().ingestedBatches).isEqualTo(25);
        assertThat(login.session().ingestOptions).isEqualTo(new IngestOptions("shop", "events",
                IngestOptions.IfMissing.CREATE, IngestOptions.IfExists.APPEND));
    }

    @Test
    void ingestOptionsMapReplaceAndFail() throws Exception {
        FlightFixture.Login login = flight.login();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(batches(1, 10)),
                flight.clientAllocator())) {
            login.sql().executeIngest(reader, options("events", TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL,
                    TableExistsOption.TABLE_EXISTS_OPTION_REPLACE), login.token());
        }
        assertThat(login.session().ingestOptions.ifMissing()).isEqualTo(IngestOptions.IfMissing.FAIL);
        assertThat(login.session().ingestOptions.ifExists()).isEqualTo(IngestOptions.IfExists.REPLACE);

        assertThatThrownBy(() -> {
            try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(batches(1, 10)),
                    flight.clientAllocator())) {
                login.sql().executeIngest(reader, options("missing", TableNotExistOption.TABLE_NOT_EXIST_OPTION_FAIL,
                        TableExistsOption.TABLE_EXISTS_OPTION_APPEND), login.token());
            }
        }).isInstanceOfSatisfying(FlightRuntimeException.class, e -> {
            assertThat(e.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND);
            assertThat(e.status().description()).isEqualTo("Table 'shop.missing' doesn't exist");
        });
    }
}
