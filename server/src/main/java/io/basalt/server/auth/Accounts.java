package io.basalt.server.auth;

import io.basalt.server.catalog.Catalog;
import io.basalt.server.catalog.Grant;
import io.basalt.server.catalog.Privilege;
import io.basalt.server.catalog.UserDef;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the account a client logs in as. {@code root} always exists: until ALTER USER sets a
 * password it has none, and it always holds every privilege.
 */
public final class Accounts {
    public static final String ROOT = "root";
    private static final UserDef DEFAULT_ROOT = new UserDef(ROOT, "%", "", "",
            List.of(new Grant("*", "*", EnumSet.allOf(Privilege.class), true)), 0);

    private Accounts() {}

    /** The best-matching account for {@code user} connecting from {@code host}, or null. */
    public static UserDef find(Catalog catalog, String user, String host) {
        UserDef best = null;
        int bestScore = -1;
        for (UserDef u : catalog.users().values()) {
            if (!u.name().equals(user)) {
                continue;
            }
            int score = hostScore(u.host(), host);
            if (score > bestScore) {
                best = u;
                bestScore = score;
            }
        }
        if (best == null && ROOT.equals(user)) {
            return DEFAULT_ROOT;
        }
        return best;
    }

    /** The account named exactly, root included. */
    public static UserDef exact(Catalog catalog, String user, String host) {
        UserDef u = catalog.user(user, host);
        if (u == null && ROOT.equals(user) && host.equals("%")) {
            return DEFAULT_ROOT;
        }
        return u;
    }

    public static boolean isRoot(UserDef u) {
        return ROOT.equals(u.name());
    }

    /** How specifically a host pattern matches a client host: higher is more specific, -1 is no match. */
    static int hostScore(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.equals(h)) {
            return 3;
        }
        if (p.equals("localhost") && (h.equals("127.0.0.1") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1"))) {
            return 3;
        }
        if (p.equals("%")) {
            return 0;
        }
        String regex = p.replace(".", "\\.").replace("%", ".*").replace("_", ".");
        return h.matches(regex) ? 1 : -1;
    }
}
