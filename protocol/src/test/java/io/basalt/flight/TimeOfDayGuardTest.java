package io.basalt.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class TimeOfDayGuardTest {
    private static final long DAY = 86_400_000_000L;

    @Test
    void passesTimesOfDayAndNulls() {
        try (BufferAllocator allocator = new RootAllocator(); VectorSchemaRoot root = root(allocator, 0, DAY - 1)) {
            ((TimeMicroVector) root.getVector(0)).setNull(1);
            root.setRowCount(3);
            assertThatCode(() -> TimeOfDayGuard.check(root)).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsNegativeAndDayLongTimesWithAWayOut() {
        try (BufferAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot root = root(allocator, 0, -5_400_000_000L)) {
                assertThatThrownBy(() -> TimeOfDayGuard.check(root)).isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("column 'd' holds -01:30:00").contains("CAST(d AS CHAR)");
                });
            }
            try (VectorSchemaRoot root = root(allocator, DAY)) {
                assertThatThrownBy(() -> TimeOfDayGuard.check(root)).hasMessageContaining("holds 24:00:00");
            }
        }
    }

    private static VectorSchemaRoot root(BufferAllocator allocator, long... micros) {
        Schema schema = new Schema(List.of(Field.nullable("d", new ArrowType.Time(TimeUnit.MICROSECOND, 64))));
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        TimeMicroVector v = (TimeMicroVector) root.getVector(0);
        for (int i = 0; i < micros.length; i++) {
            v.setSafe(i, micros[i]);
        }
        root.setRowCount(micros.length);
        return root;
    }
}
