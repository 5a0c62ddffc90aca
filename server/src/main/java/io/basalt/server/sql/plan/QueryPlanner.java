package io.basalt.server.sql.plan;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.DatabaseDef;
import io.basalt.server.catalog.ViewDef;
import io.basalt.server.exec.StatementEnvironment;
import io.basalt.server.sql.ast.Statement;
import io.basalt.server.sql.func.MysqlFunctions;
import io.basalt.server.sql.func.MysqlOperators;
import io.basalt.server.sql.func.StandardOperators;
import io.basalt.server.sql.parser.SqlParser;
import io.basalt.server.sql.type.MysqlTypeSystem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns a query into an optimized plan with Calcite: inline variables, validate against a catalog
 * snapshot, convert to relational algebra, remove subqueries, decorrelate, push filters and
 * projections down, and plug the storage scan in. One planner serves one statement.
 */
public final class QueryPlanner implements BasaltView.Expander {
    static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(
            SqlOperatorTables.of(concat(MysqlOperators.all(), MysqlFunctions.all())), StandardOperators.INSTANCE);

    private static final CalciteConnectionConfig CONNECTION_CONFIG;

    static {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
        p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
        CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p);
    }

    private static final HepProgram SUBQUERY_REMOVAL = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleCollection(List.of(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                    CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
            .build();

    private static final HepProgram PUSHDOWN = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            // Window functions become Window nodes, which the executor runs per partition.
            .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
            .addRuleCollection(List.of(
                    CoreRules.FILTER_INTO_JOIN,
                    CoreRules.JOIN_CONDITION_PUSH,
                    CoreRules.FILTER_PROJECT_TRANSPOSE,
                    CoreRules.FILTER_MERGE,
                    CoreRules.FILTER_SET_OP_TRANSPOSE,
                    CoreRules.FILTER_AGGREGATE_TRANSPOSE,
                    CoreRules.PROJECT_MERGE,
                    CoreRules.PROJECT_REMOVE))
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleCollection(List.of(ScanRules.TABLE_SCAN, ScanRules.FILTER_INTO_SCAN, ScanRules.PROJECT_INTO_SCAN,
                    CoreRules.PROJECT_REMOVE))
            .build();

    /**
     * Calcite's expression simplifier folds comparisons of literals with its own (binary,
     * case-sensitive) rules; MySQL compares strings case-insensitively, so Basalt turns it off and
     * folds constants with its own evaluator instead ({@link ConstantFolder}).
     */
    private static final org.apache.calcite.plan.Context PLANNER_CONTEXT =
            org.apache.calcite.plan.Contexts.of(RelBuilder.Config.DEFAULT.withSimplify(false));

    private final Catalog catalog;
    private final String database;
    private final VariableResolver variables;
    private final StatementEnvironment env;
    private final RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(MysqlTypeSystem.INSTANCE);
    private final CalciteSchema rootSchema;
    private final CalciteCatalogReader catalogReader;
    private final RelOptCluster cluster;
    private final Deque<String> expanding = new ArrayDeque<>();
    private final java.util.Set<RelNode> viewInternalScans = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final List<List<String>> viewsUsed = new ArrayList<>();

    /**
     * @param catalog the snapshot the statement sees
     * @param database current database, or null
     * @param systemSchemas extra read-only schemas (information_schema ...) by name
     * @param variables variable values for inlining
     * @param env session values for constant folding
     */
    public QueryPlanner(Catalog catalog, String database, Map<String, Map<String, SystemTable>> systemSchemas,
            VariableResolver variables, StatementEnvironment env) {
        this(catalog, database, systemSchemas, variables, env, -1);
    }

    /**
     * @param locatorTableId a table whose hidden locator columns the query may select (DELETE and
     *     UPDATE), or -1
     */
    public QueryPlanner(Catalog catalog, String database, Map<String, Map<String, SystemTable>> systemSchemas,
            VariableResolver variables, StatementEnvironment env, long locatorTableId) {
        this.catalog = catalog;
        this.database = database;
        this.variables = variables;
        this.env = env;
        this.rootSchema = CalciteSchema.createRootSchema(false, false);
        for (DatabaseDef db : catalog.allDatabases()) {
            rootSchema.add(db.name(), new DatabaseSchema(db, this, locatorTableId));
        }
        for (Map.Entry<String, Map<String, SystemTable>> e : systemSchemas.entrySet()) {
            rootSchema.add(e.getKey(), new DatabaseSchema(new java.util.HashMap<>(e.getValue())));
        }
        this.catalogReader = readerFor(database);
        HepPlanner planner = new HepPlanner(PUSHDOWN, PLANNER_CONTEXT);
        planner.setExecutor(new ConstantFolder(env));
        this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        this.cluster.setMetadataQuerySupplier(
                () -> new RelMetadataQuery(SharedMetadataHandlers.INSTANCE));
    }

    private static List<org.apache.calcite.sql.SqlOperator> concat(List<? extends org.apache.calcite.sql.SqlOperator> a,
            java.util.Collection<? extends org.apache.calcite.sql.SqlOperator> b) {
        List<org.apache.calcite.sql.SqlOperator> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private CalciteCatalogReader readerFor(String db) {
        return new CalciteCatalogReader(rootSchema, db == null ? List.of() : List.of(db), typeFactory, CONNECTION_CONFIG);
    }

    public RelDataTypeFactory typeFactory() {
        return typeFactory;
    }

    public RexBuilder rexBuilder() {
        return cluster.getRexBuilder();
    }

    private SqlValidator newValidator(CalciteCatalogReader reader) {
        SqlValidator.Config config = SqlValidator.Config.DEFAULT
                .withConformance(SqlConformanceEnum.MYSQL_5)
                .withIdentifierExpansion(true)
                .withDefaultNullCollation(NullCollation.LOW)
                .withTypeCoercionEnabled(true)
                .withTypeCoercionFactory(MysqlTypeCoercion::new)
                .withCallRewrite(true);
        return new MysqlValidator(OPERATORS, reader, typeFactory, config);
    }

    private SqlToRelConverter newConverter(SqlValidator validator, CalciteCatalogReader reader, RelOptCluster c) {
        SqlToRelConverter.Config config = SqlToRelConverter.config()
                .withExpand(false)
                .withTrimUnusedFields(true)
                .withInSubQueryThreshold(Integer.MAX_VALUE)
                .withRemoveSortInSubQuery(true)
                .withRelBuilderConfigTransform(b -> b.withSimplify(false));
        return new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> {
            throw new UnsupportedOperationException("view expansion goes through BasaltView");
        }, validator, reader, c, StandardConvertletTable.INSTANCE, config);
    }

    /** A validated statement and the validator that holds its types. */
    private record Validation(SqlValidator validator, SqlNode node) {}

    /** Bound on how many non-grouped columns one statement may have rewritten. */
    private static final int MAX_RELAXATIONS = 256;

    private boolean fullGroupBy() {
        return env == null || env.hasMode("ONLY_FULL_GROUP_BY");
    }

    /**
     * Validates {@code query}. Without ONLY_FULL_GROUP_BY (a session's sql_mode, or a view that
     * was checked when it was created), a column the validator reports as not grouped is read
     * with ANY_VALUE instead, as MySQL does, and validation runs again on a fresh copy.
     */
    private Validation validate(SqlNode query, CalciteCatalogReader reader, boolean fullGroupBy) {
        HavingWithoutGroupBy.rewrite(query);
        SqlNode candidate = query;
        int widenings = RecursiveSeedTypes.hasRecursive(query) ? 0 : RecursiveSeedTypes.MAX_ROUNDS;
        for (int attempt = 0;; attempt++) {
            SqlValidator validator = newValidator(reader);
            try {
                SqlNode input = fullGroupBy ? candidate : NonGroupedColumns.copy(candidate);
                SqlNode original = fullGroupBy && widenings < RecursiveSeedTypes.MAX_ROUNDS
                        ? NonGroupedColumns.copy(candidate) : candidate;
                SqlNode validated = validator.validate(input);
                SqlNode widened = widenings < RecursiveSeedTypes.MAX_ROUNDS
                        ? RecursiveSeedTypes.widenSeeds(original, validator, validated, typeFactory) : null;
                if (widened != null) {
                    widenings++;
                    candidate = widened;
                    continue;
                }
                return new Validation(validator, validated);
            } catch (CalciteContextException e) {
                SqlNode next = fullGroupBy || attempt >= MAX_RELAXATIONS || !NonGroupedColumns.isNotGrouped(e)
                        ? null : NonGroupedColumns.wrapAt(candidate, e.getPosLine(), e.getPosColumn());
                if (next == null) {
                    throw e;
                }
                candidate = next;
            }
        }
    }

    /** Validates and optimizes a query. */
    public PlannedQuery plan(SqlNode query) {
        SqlNode inlined = query.accept(new VariableInliner(variables));
        SqlValidator validator;
        SqlNode validated;
        try {
            Validation v = validate(inlined, catalogReader, fullGroupBy());
            validator = v.validator();
            validated = v.node();
        } catch (BasaltException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationErrors.translate(e, database, query);
        }
        RelDataType rowType = validator.getValidatedNodeType(validated);
        List<String> labels = labels(validated, rowType);
        List<PlannedQuery.ColumnOrigin> origins = origins(validator, validated, rowType.getFieldCount());
        SqlToRelConverter converter = newConverter(validator, catalogReader, cluster);
        RelRoot root;
        try {
            root = converter.convertQuery(validated, false, true);
        } catch (BasaltException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationErrors.translate(e, database);
        }
        List<List<String>> reads = readObjects(root.rel);
        RelNode rel = optimize(root.project(), converter);
        return new PlannedQuery(rel, rowType, labels, origins, reads);
    }

    /** Tables scanned outside views, then the views expanded, each as [database, name]. */
    private List<List<String>> readObjects(RelNode rel) {
        java.util.LinkedHashSet<List<String>> out = new java.util.LinkedHashSet<>();
        new org.apache.calcite.rel.RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof org.apache.calcite.rel.core.TableScan scan
                        && !viewInternalScans.contains(scan)) {
                    List<String> q = scan.getTable().getQualifiedName();
                    out.add(q.subList(Math.max(0, q.size() - 2), q.size()));
                }
                super.visit(node, ordinal, parent);
            }
        }.go(rel);
        out.addAll(viewsUsed);
        return List.copyOf(out);
    }

    /** Only validates, returning the row type (CREATE VIEW, CREATE TABLE ... AS checks). */
    public RelDataType validateOnly(SqlNode query) {
        SqlNode inlined = query.accept(new VariableInliner(variables));
        try {
            Validation v = validate(inlined, catalogReader, fullGroupBy());
            return v.validator().getValidatedNodeType(v.node());
        } catch (BasaltException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationErrors.translate(e, database, query);
        }
    }

    /** The types Calcite infers for the query's {@code ?} parameters, or null when it cannot tell. */
    public List<RelDataType> parameterTypes(SqlNode query) {
        try {
            Validation v = validate(query.accept(new VariableInliner(variables)), catalogReader, fullGroupBy());
            return v.validator().getParameterRowType(v.node()).getFieldList().stream().map(f -> f.getType()).toList();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private RelNode optimize(RelNode rel, SqlToRelConverter converter) {
        HepPlanner subqueries = new HepPlanner(SUBQUERY_REMOVAL, PLANNER_CONTEXT);
        subqueries.setExecutor(cluster.getPlanner().getExecutor());
        subqueries.setRoot(rel);
        RelNode r = subqueries.findBestExp();
        RelBuilder relBuilder = RelBuilder.proto(PLANNER_CONTEXT).create(cluster, catalogReader);
        r = RelDecorrelator.decorrelateQuery(r, relBuilder);
        r = converter.trimUnusedFields(false, r);
        HepPlanner pushdown = new HepPlanner(PUSHDOWN, PLANNER_CONTEXT);
        pushdown.setExecutor(cluster.getPlanner().getExecutor());
        pushdown.setRoot(r);
        return pushdown.findBestExp();
    }

    /** Result column labels as MySQL shows them: the alias, else the column name. */
    private static List<String> labels(SqlNode validated, RelDataType rowType) {
        SqlSelect select = leftmostSelect(validated);
        List<String> out = new ArrayList<>();
        if (select != null && select.getSelectList().size() == rowType.getFieldCount()) {
            for (SqlNode item : select.getSelectList()) {
                out.add(label(item));
            }
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, rowType.getFieldNames().get(i));
                }
            }
            return out;
        }
        return new ArrayList<>(rowType.getFieldNames());
    }

    private static String label(SqlNode item) {
        if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
            return ((SqlIdentifier) call.operand(1)).getSimple();
        }
        if (item instanceof SqlIdentifier id && !id.isStar()) {
            return id.names.get(id.names.size() - 1);
        }
        return null;
    }

    private static SqlSelect leftmostSelect(SqlNode n) {
        if (n instanceof SqlSelect s) {
            return s;
        }
        if (n instanceof SqlOrderBy o) {
            return leftmostSelect(o.query);
        }
        if (n instanceof SqlWith w) {
            return leftmostSelect(w.body);
        }
        if (n instanceof SqlCall c && (c.getKind() == SqlKind.UNION || c.getKind() == SqlKind.INTERSECT
                || c.getKind() == SqlKind.EXCEPT)) {
            return leftmostSelect(c.operand(0));
        }
        return null;
    }

    private static List<PlannedQuery.ColumnOrigin> origins(SqlValidator validator, SqlNode validated, int count) {
        List<PlannedQuery.ColumnOrigin> out = new ArrayList<>();
        List<List<String>> origins;
        try {
            origins = validator.getFieldOrigins(validated);
        } catch (RuntimeException e) {
            origins = null;
        }
        for (int i = 0; i < count; i++) {
            List<String> o = origins == null || i >= origins.size() ? null : origins.get(i);
            if (o == null || o.size() < 3) {
                out.add(PlannedQuery.ColumnOrigin.NONE);
            } else {
                int n = o.size();
                out.add(new PlannedQuery.ColumnOrigin(o.get(n - 3), o.get(n - 2), o.get(n - 2), o.get(n - 1)));
            }
        }
        return out;
    }

    // ---- views ------------------------------------------------------------------------------

    private SqlNode parseView(ViewDef view) {
        String key = view.database() + "." + view.name();
        if (expanding.contains(key)) {
            throw BasaltException.of(ErrorCode.WRONG_OBJECT,
                    "View '%s' references itself", key);
        }
        Statement s = SqlParser.parse(view.query());
        if (!(s instanceof Statement.Query q)) {
            throw BasaltException.of(ErrorCode.WRONG_OBJECT, "'%s' is not a valid view", key);
        }
        return q.query().accept(new VariableInliner(variables));
    }

    @Override
    public RelDataType rowType(ViewDef view) {
        String key = view.database() + "." + view.name();
        SqlNode q = parseView(view);
        expanding.push(key);
        try {
            Validation v = validate(q, readerFor(view.database()), false);
            RelDataType t = v.validator().getValidatedNodeType(v.node());
            return renamed(t, view);
        } catch (BasaltException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationErrors.translate(e, view.database());
        } finally {
            expanding.pop();
        }
    }

    private RelDataType renamed(RelDataType t, ViewDef view) {
        List<String> names = labels(null, t);
        if (!view.columns().isEmpty()) {
            if (view.columns().size() != t.getFieldCount()) {
                throw new BasaltException(ErrorCode.VIEW_WRONG_LIST,
                        "View's SELECT and view's field list have different column counts");
            }
            names = view.columns();
        }
        return typeFactory.createStructType(t.getFieldList().stream().map(f -> f.getType()).toList(), names);
    }

    @Override
    public RelNode expand(ViewDef view, RelOptTable.ToRelContext context) {
        String key = view.database() + "." + view.name();
        SqlNode q = parseView(view);
        expanding.push(key);
        try {
            CalciteCatalogReader reader = readerFor(view.database());
            Validation v = validate(q, reader, false);
            SqlToRelConverter converter = newConverter(v.validator(), reader, context.getCluster());
            SqlNode validated = v.node();
            RelNode rel = converter.convertQuery(validated, false, true).project();
            RelDataType wanted = renamed(rel.getRowType(), view);
            RelBuilder b = RelBuilder.proto(PLANNER_CONTEXT).create(context.getCluster(), reader);
            new org.apache.calcite.rel.RelVisitor() {
                @Override
                public void visit(RelNode node, int ordinal, RelNode parent) {
                    if (node instanceof org.apache.calcite.rel.core.TableScan) {
                        viewInternalScans.add(node);
                    }
                    super.visit(node, ordinal, parent);
                }
            }.go(rel);
            if (expanding.size() == 1) {
                viewsUsed.add(List.of(view.database(), view.name()));
            }
            return b.push(rel).rename(wanted.getFieldNames()).build();
        } catch (BasaltException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationErrors.translate(e, view.database());
        } finally {
            expanding.pop();
        }
    }
}
