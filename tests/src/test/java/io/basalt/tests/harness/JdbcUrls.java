package io.basalt.tests.harness;

/** JDBC URL surgery shared by the harness and the conformance runner. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * {@code url} with its database path replaced by {@code database} (none when null), keeping the
     * scheme, hosts and parameters: {@code jdbc:mariadb://h:1/x?user=root} → {@code jdbc:mariadb://h:1/db?user=root}.
     */
    public static String withDatabase(String url, String database) {
        int hostsStart = url.indexOf("://");
        if (hostsStart < 0) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host URL: " + url);
        }
        hostsStart += 3;
        int query = url.indexOf('?', hostsStart);
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', hostsStart);
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + (database == null ? "" : database) + params;
    }
}
