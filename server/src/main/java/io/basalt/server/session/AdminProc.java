package io.basalt.server.session;

import io.basalt.error.BasaltException;
import io.basalt.error.ErrorCode;
import io.basalt.server.catalog.DatabaseDef;
import io.basalt.server.catalog.TableDef;
import io.basalt.session.QueryResult;
import java.util.ArrayList;
import java.util.List;

/** SHOW PROC 'path': the StarRocks-style admin views of the node. */
final class AdminProc {
    private AdminProc() {}

    static QueryResult show(BasaltSession session, String path, String like) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        List<ResultColumn> columns;
        List<Object[]> rows = new ArrayList<>();
        switch (p) {
            case "/" -> {
                columns = List.of(ResultColumn.varchar("name"));
                for (String n : List.of("frontends", "backends", "dbs", "tablets", "statistic", "compactions")) {
                    rows.add(new Object[] {n});
                }
            }
            case "/frontends" -> {
                columns = ShowStatements.frontendColumns();
                rows.addAll(session.services().cluster().frontends());
            }
            case "/dbs" -> {
                columns = List.of(ResultColumn.bigint("DbId"), ResultColumn.varchar("DbName"),
                        ResultColumn.bigint("TableNum"), ResultColumn.bigint("RowCount"), ResultColumn.bigint("DataSize"));
                long id = 1;
                for (DatabaseDef db : session.catalog().allDatabases()) {
                    long rowsTotal = 0;
                    long bytes = 0;
                    for (TableDef t : db.tables().values()) {
                        var store = session.services().state().storage().table(t.id());
                        if (store != null) {
                            var st = store.stats();
                            rowsTotal += st.liveRows();
                            bytes += st.bytesOnDisk() + st.bufferedBytes();
                        }
                    }
                    rows.add(new Object[] {id++, db.name(), (long) db.tables().size(), rowsTotal, bytes});
                }
            }
            case "/tablets" -> {
                columns = List.of(ResultColumn.bigint("TableId"), ResultColumn.varchar("DbName"),
                        ResultColumn.varchar("TableName"), ResultColumn.bigint("Segments"),
                        ResultColumn.bigint("BufferedRows"), ResultColumn.bigint("LiveRows"),
                        ResultColumn.bigint("DeletedRows"), ResultColumn.bigint("DataSize"));
                for (DatabaseDef db : session.catalog().allDatabases()) {
                    for (TableDef t : db.tables().values()) {
                        var store = session.services().state().storage().table(t.id());
                        if (store == null) {
                            continue;
                        }
                        var st = store.stats();
                        rows.add(new Object[] {t.id(), db.name(), t.name(), (long) st.segments(), st.bufferedRows(),
                                st.liveRows(), st.deletedRows(), st.bytesOnDisk()});
                    }
                }
            }
            case "/statistic" -> {
                columns = List.of(ResultColumn.bigint("DbCnt"), ResultColumn.bigint("TableCnt"),
                        ResultColumn.bigint("RowCount"), ResultColumn.bigint("DataSize"));
                long dbs = 0;
                long tables = 0;
                long rowsTotal = 0;
                long bytes = 0;
                for (DatabaseDef db : session.catalog().allDatabases()) {
                    dbs++;
                    for (TableDef t : db.tables().values()) {
                        tables++;
                        var store = session.services().state().storage().table(t.id());
                        if (store != null) {
                            var st = store.stats();
                            rowsTotal += st.liveRows();
                            bytes += st.bytesOnDisk() + st.bufferedBytes();
                        }
                    }
                }
                rows.add(new Object[] {dbs, tables, rowsTotal, bytes});
            }
            default -> throw BasaltException.of(ErrorCode.WRONG_ARGUMENTS, "Proc path '%s' doesn't exist", path);
        }
        return RowsResult.of(columns, rows, session.services().allocator());
    }
}
