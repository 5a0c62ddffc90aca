package io.basalt.server.sql.plan;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/** Calcite's validator configured for Basalt's MySQL dialect. */
final class MysqlValidator extends SqlValidatorImpl {
    MysqlValidator(SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader, RelDataTypeFactory typeFactory,
            Config config) {
        super(opTab, catalogReader, typeFactory, config);
    }

    @Override
    public org.apache.calcite.sql.type.SqlTypeMappingRule getTypeMappingRule() {
        return MysqlTypeCoercion.CAST_RULES;
    }
}
