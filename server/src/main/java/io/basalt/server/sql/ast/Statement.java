package io.basalt.server.sql.ast;

import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;

/**
 * A parsed statement. Queries and expressions are Calcite {@link SqlNode}s so the validator can
 * check them; everything else is a plain record the executor dispatches on.
 */
public sealed interface Statement {

    /**
     * A query (SELECT, set operation, VALUES, WITH). {@code text} is the statement as written;
     * {@code calcFoundRows} says a SELECT in it asked for SQL_CALC_FOUND_ROWS.
     */
    record Query(SqlNode query, String text, boolean calcFoundRows) implements Statement {
        public Query(SqlNode query, String text) {
            this(query, text, false);
        }
    }

    /** EXPLAIN of a statement. */
    record Explain(Statement statement, String format) implements Statement {}

    /** CREATE DATABASE [IF NOT EXISTS] name [PROPERTIES (...)]. */
    record CreateDatabase(String name, boolean ifNotExists, Map<String, String> properties) implements Statement {}

    /** DROP DATABASE [IF EXISTS] name. */
    record DropDatabase(String name, boolean ifExists) implements Statement {}

    /** USE name. */
    record Use(String database) implements Statement {}

    /** CREATE TABLE, in plain MySQL form or StarRocks form. */
    record CreateTable(TableDefinition definition, boolean ifNotExists, SqlNode asQuery, String asQueryText,
            ObjectName like) implements Statement {}

    /** DROP TABLE [IF EXISTS] names. */
    record DropTable(List<ObjectName> names, boolean ifExists) implements Statement {}

    /** ALTER TABLE name action, action... */
    record AlterTable(ObjectName name, List<AlterAction> actions) implements Statement {}

    /** CREATE [OR REPLACE] VIEW name [(columns)] AS query. */
    record CreateView(ObjectName name, boolean orReplace, boolean ifNotExists, List<String> columns, SqlNode query,
            String queryText) implements Statement {}

    /** DROP VIEW [IF EXISTS] names. */
    record DropView(List<ObjectName> names, boolean ifExists) implements Statement {}

    /** CREATE [UNIQUE] INDEX name ON table (columns). */
    record CreateIndex(String name, ObjectName table, List<String> columns, boolean unique, boolean ifNotExists)
            implements Statement {}

    /** DROP INDEX name [ON table]; table is null when omitted. */
    record DropIndex(String name, ObjectName table, boolean ifExists) implements Statement {}

    /** TRUNCATE [TABLE] name. */
    record Truncate(ObjectName table) implements Statement {}

    /**
     * INSERT / REPLACE. Exactly one of {@code rows} and {@code query} is set.
     *
     * @param table target table
     * @param columns explicit column list (possibly empty, as in {@code INSERT INTO t () VALUES ()}), or null for
     *     all columns in order
     * @param rows VALUES rows; a null element inside a row stands for DEFAULT
     * @param query INSERT ... SELECT source
     * @param replace true for REPLACE
     * @param ignore true for INSERT IGNORE
     * @param onDuplicate ON DUPLICATE KEY UPDATE assignments, empty when absent
     * @param text the statement as written
     */
    record Insert(ObjectName table, List<String> columns, List<List<SqlNode>> rows, SqlNode query, boolean replace,
            boolean ignore, List<Assignment> onDuplicate, String text) implements Statement {}

    /** UPDATE table SET ... [WHERE] [ORDER BY] [LIMIT]. */
    record Update(ObjectName table, String alias, List<Assignment> assignments, SqlNode where, SqlNode orderBy,
            SqlNode limit, String text) implements Statement {}

    /** DELETE FROM table [WHERE] [ORDER BY] [LIMIT]. */
    record Delete(ObjectName table, String alias, SqlNode where, SqlNode orderBy, SqlNode limit, String text)
            implements Statement {}

    /** column = expression. */
    record Assignment(String column, SqlNode value) {}

    /** SHOW ... in all its forms; {@code kind} says which, the rest are its arguments. */
    record Show(ShowKind kind, boolean full, boolean global, ObjectName target, String database, String like,
            SqlNode where, String argument) implements Statement {}

    /** SET var = value, ... (system and user variables). */
    record Set(List<VariableAssignment> assignments) implements Statement {}

    /** One assignment in SET: scope is SESSION, GLOBAL or USER. */
    record VariableAssignment(VariableScope scope, String name, SqlNode value) {}

    /** SET NAMES charset [COLLATE collation] / SET CHARACTER SET charset. */
    record SetNames(String charset, String collation) implements Statement {}

    /** SET [GLOBAL|SESSION] TRANSACTION ISOLATION LEVEL ... / READ ONLY|WRITE. */
    record SetTransaction(VariableScope scope, String isolationLevel, Boolean readOnly) implements Statement {}

    /** BEGIN / START TRANSACTION / COMMIT / ROLLBACK. */
    record Transaction(TransactionAction action) implements Statement {}

    /** KILL [QUERY|CONNECTION] id. */
    record Kill(long connectionId, boolean queryOnly) implements Statement {}

    /** ALTER SYSTEM ADD FOLLOWER / DROP FOLLOWER / TRANSFER LEADER TO "host:raft_port". */
    record AlterSystem(SystemAction action, String address) implements Statement {}

    /** What ALTER SYSTEM does. */
    enum SystemAction { ADD_FOLLOWER, DROP_FOLLOWER, TRANSFER_LEADER }

    /** ADMIN SHOW FRONTEND CONFIG [LIKE pattern]. */
    record AdminShowConfig(String like) implements Statement {}

    /** ADMIN SET FRONTEND CONFIG ("key" = "value"). */
    record AdminSetConfig(Map<String, String> values) implements Statement {}

    /** Statements accepted and answered with OK because they have no effect in Basalt (FLUSH ...). */
    record NoOp(String what) implements Statement {}

    /** LOCK TABLES / UNLOCK TABLES. */
    record LockTables(boolean lock) implements Statement {}

    /** An account name: 'user'@'host' (host '%' when omitted). */
    record UserName(String user, String host) {}

    /** CREATE USER [IF NOT EXISTS] user [IDENTIFIED BY 'password'], ... */
    record CreateUser(List<UserName> users, List<String> passwords, boolean ifNotExists) implements Statement {}

    /** ALTER USER [IF EXISTS] user IDENTIFIED BY 'password', ... and SET PASSWORD [FOR user] = 'password'. */
    record AlterUser(List<UserName> users, List<String> passwords, boolean ifExists) implements Statement {}

    /** DROP USER [IF EXISTS] user, ... */
    record DropUser(List<UserName> users, boolean ifExists) implements Statement {}

    /**
     * GRANT privileges ON scope TO users [WITH GRANT OPTION] / REVOKE privileges ON scope FROM users.
     *
     * @param privileges privilege names as written (ALL expands to every privilege)
     * @param database "*" for all
     * @param table "*" for all
     */
    record GrantPrivileges(boolean revoke, List<String> privileges, String database, String table,
            List<UserName> users, boolean grantOption) implements Statement {}

    /** Which SHOW. */
    enum ShowKind {
        DATABASES, TABLES, COLUMNS, CREATE_TABLE, CREATE_VIEW, CREATE_DATABASE, VARIABLES, STATUS, WARNINGS, ERRORS,
        COUNT_WARNINGS, COUNT_ERRORS, INDEX, TABLE_STATUS, PROCESSLIST, ENGINES, CHARSET, COLLATION, PLUGINS,
        FRONTENDS, BACKENDS, PROC, GRANTS, PRIVILEGES, TRIGGERS, EVENTS, FUNCTION_STATUS, PROCEDURE_STATUS,
        MASTER_STATUS, DATA, CREATE_USER
    }

    /** Scope of a variable reference. */
    enum VariableScope { SESSION, GLOBAL, USER }

    /** Transaction control verbs. */
    enum TransactionAction { BEGIN, COMMIT, ROLLBACK }
}
