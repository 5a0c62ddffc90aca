package io.basalt.consensus;

import java.util.Optional;
import java.util.OptionalLong;

import com.alipay.sofa.jraft.entity.PeerId;

/**
 * When this node last received an AppendEntries request (entries or a heartbeat; only leaders send
 * them) and from whom. jraft keeps the same fact privately to time elections; this is the copy
 * Basalt can show. A request from a deposed leader is counted too until that leader steps down.
 */
final class LeaderContact {

    private record Heard(String senderId, long epochMillis) {}

    private volatile Heard last;

    void heard(String senderId) {
        last = new Heard(senderId, System.currentTimeMillis());
    }

    /** @return epoch millis of the last AppendEntries received, empty if none since start */
    OptionalLong lastMillis() {
        Heard heard = last;
        return heard == null ? OptionalLong.empty() : OptionalLong.of(heard.epochMillis());
    }

    /** @return the {@code host:port} that sent the last AppendEntries received */
    Optional<String> lastSender() {
        Heard heard = last;
        PeerId peer = heard == null ? null : PeerId.parsePeer(heard.senderId());
        return peer == null ? Optional.empty() : Optional.of(PeerAddress.of(peer).toString());
    }
}
