package io.basalt.server.state;

import io.basalt.server.catalog.FrontendDef;
import io.basalt.server.catalog.Catalog;
import io.basalt.server.command.CommandCodec;
import io.basalt.storage.kv.Family;
import io.basalt.storage.kv.KvStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Persists the catalog in the META column family: the catalog as one JSON document (DDL is rare
 * and catalogs are small), and AUTO_INCREMENT counters under their own keys because inserts move
 * them often. Both are covered by storage checkpoints, so Raft snapshots carry them.
 */
final class CatalogStore {
    private static final byte[] CATALOG_KEY = "catalog".getBytes(StandardCharsets.UTF_8);
    private static final String COUNTER_PREFIX = "autoinc/";
    private static final String FRONTEND_PREFIX = "frontend/";

    private CatalogStore() {}

    static void save(KvStore kv, Catalog catalog) {
        try {
            kv.put(Family.META, CATALOG_KEY, CommandCodec.json().writeValueAsBytes(catalog));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalog load(KvStore kv) {
        byte[] bytes = kv.get(Family.META, CATALOG_KEY);
        if (bytes == null) {
            return Catalog.EMPTY;
        }
        try {
            return CommandCodec.json().readValue(bytes, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt catalog", e);
        }
    }

    static void saveCounter(KvStore kv, long tableId, long next) {
        kv.put(Family.META, counterKey(tableId), ByteBuffer.allocate(8).putLong(next).array());
    }

    static void deleteCounter(KvStore kv, long tableId) {
        kv.delete(Family.META, counterKey(tableId));
    }

    static Map<Long, Long> loadCounters(KvStore kv) {
        Map<Long, Long> out = new HashMap<>();
        for (var e : kv.scan(Family.META, COUNTER_PREFIX.getBytes(StandardCharsets.UTF_8))) {
            String key = new String(e.key(), StandardCharsets.UTF_8);
            out.put(Long.parseLong(key.substring(COUNTER_PREFIX.length())), ByteBuffer.wrap(e.value()).getLong());
        }
        return out;
    }

    static void saveFrontend(KvStore kv, FrontendDef f) {
        try {
            kv.put(Family.META, frontendKey(f.raftAddress()), CommandCodec.json().writeValueAsBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, FrontendDef> loadFrontends(KvStore kv) {
        Map<String, FrontendDef> out = new java.util.TreeMap<>();
        for (var e : kv.scan(Family.META, FRONTEND_PREFIX.getBytes(StandardCharsets.UTF_8))) {
            try {
                FrontendDef f = CommandCodec.json().readValue(e.value(), FrontendDef.class);
                out.put(f.raftAddress(), f);
            } catch (IOException ex) {
                throw new UncheckedIOException("corrupt frontend record", ex);
            }
        }
        return out;
    }

    private static byte[] frontendKey(String raftAddress) {
        return (FRONTEND_PREFIX + raftAddress).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] counterKey(long tableId) {
        return (COUNTER_PREFIX + tableId).getBytes(StandardCharsets.UTF_8);
    }
}
