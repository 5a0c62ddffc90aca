package io.basalt.server.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.basalt.server.catalog.ColumnDef;
import io.basalt.server.catalog.IndexDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.server.catalog.ViewDef;
import java.util.List;
import java.util.Map;

/**
 * What the leader proposes and every replica applies, in log order. Commands carry resolved
 * names and values; anything evaluated at apply time carries the proposer's
 * {@link StatementContext}. Encoded by {@link CommandCodec} (versioned JSON, Arrow IPC for rows).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.CreateDatabase.class, name = "create_database"),
    @JsonSubTypes.Type(value = Command.DropDatabase.class, name = "drop_database"),
    @JsonSubTypes.Type(value = Command.CreateTable.class, name = "create_table"),
    @JsonSubTypes.Type(value = Command.DropTables.class, name = "drop_tables"),
    @JsonSubTypes.Type(value = Command.AlterTable.class, name = "alter_table"),
    @JsonSubTypes.Type(value = Command.CreateView.class, name = "create_view"),
    @JsonSubTypes.Type(value = Command.DropViews.class, name = "drop_views"),
    @JsonSubTypes.Type(value = Command.Truncate.class, name = "truncate"),
    @JsonSubTypes.Type(value = Command.InsertRows.class, name = "insert_rows"),
    @JsonSubTypes.Type(value = Command.ExecuteDml.class, name = "execute_dml"),
    @JsonSubTypes.Type(value = Command.Noop.class, name = "noop"),
    @JsonSubTypes.Type(value = Command.CreateUser.class, name = "create_user"),
    @JsonSubTypes.Type(value = Command.AlterUser.class, name = "alter_user"),
    @JsonSubTypes.Type(value = Command.DropUsers.class, name = "drop_users"),
    @JsonSubTypes.Type(value = Command.ChangeGrants.class, name = "change_grants"),
    @JsonSubTypes.Type(value = Command.RegisterFrontend.class, name = "register_frontend")
})
public sealed interface Command {

    /** A database and object name. */
    record Name(String database, String name) {}

    /** An account: user name and host pattern. */
    record Account(String user, String host) {}

    record CreateDatabase(String name, boolean ifNotExists, Map<String, String> properties, long timeMillis)
            implements Command {}

    record DropDatabase(String name, boolean ifExists) implements Command {}

    /**
     * @param table the definition; its id and next column id are assigned at apply
     * @param asSelect CREATE TABLE ... AS SELECT text, or null
     * @param context evaluation context for {@code asSelect}
     */
    record CreateTable(TableDef table, boolean ifNotExists, String asSelect, StatementContext context)
            implements Command {}

    record DropTables(List<Name> names, boolean ifExists) implements Command {}

    /** One change of ALTER TABLE, applied in order. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Alteration.AddColumn.class, name = "add_column"),
        @JsonSubTypes.Type(value = Alteration.DropColumn.class, name = "drop_column"),
        @JsonSubTypes.Type(value = Alteration.AddIndex.class, name = "add_index"),
        @JsonSubTypes.Type(value = Alteration.DropIndex.class, name = "drop_index"),
        @JsonSubTypes.Type(value = Alteration.Rename.class, name = "rename")
    })
    sealed interface Alteration {
        /** ADD COLUMN; the column's id is assigned at apply. */
        record AddColumn(ColumnDef column, boolean first, String after) implements Alteration {}

        record DropColumn(String name, boolean ifExists) implements Alteration {}

        record AddIndex(IndexDef index, boolean ifNotExists) implements Alteration {}

        record DropIndex(String name, boolean ifExists) implements Alteration {}

        record Rename(String database, String name) implements Alteration {}
    }

    record AlterTable(String database, String table, List<Alteration> alterations) implements Command {}

    record CreateView(ViewDef view, boolean orReplace, boolean ifNotExists) implements Command {}

    record DropViews(List<Name> names, boolean ifExists) implements Command {}

    record Truncate(String database, String table) implements Command {}

    /**
     * Rows evaluated by the proposer, in the Arrow IPC payload of the encoded command, with one
     * vector per table column in {@code columnIds} order.
     *
     * @param mode INSERT, IGNORE or REPLACE
     */
    record InsertRows(String database, String table, List<Integer> columnIds, String mode) implements Command {}

    /** An INSERT ... SELECT, UPDATE or DELETE evaluated by every replica at apply time. */
    record ExecuteDml(String sql, StatementContext context) implements Command {}

    /** CREATE USER with password hashes (never the password). */
    record CreateUser(String name, String host, String nativeHash, String sha2Hash, boolean ifNotExists,
            long timeMillis) implements Command {}

    /** ALTER USER / SET PASSWORD. */
    record AlterUser(String name, String host, String nativeHash, String sha2Hash, boolean ifExists)
            implements Command {}

    /** DROP USER. */
    record DropUsers(List<Account> users, boolean ifExists) implements Command {}

    /** GRANT (or REVOKE, when {@code revoke}) privileges on a scope to an account. */
    record ChangeGrants(Account user, io.basalt.server.catalog.Grant grant, boolean revoke) implements Command {}

    /** Does nothing; used to commit a barrier. */
    record Noop() implements Command {}

    /** Records how to reach a cluster member (SHOW FRONTENDS); replaces an earlier record of it. */
    record RegisterFrontend(io.basalt.server.catalog.FrontendDef frontend) implements Command {}
}
