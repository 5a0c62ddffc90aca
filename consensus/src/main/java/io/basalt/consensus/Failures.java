package io.basalt.consensus;

import java.util.Locale;
import java.util.Optional;

import com.alipay.sofa.jraft.Status;
import com.alipay.sofa.jraft.error.RaftError;

/** Turns jraft's failed {@link Status} into this module's exceptions. */
final class Failures {

    private Failures() {}

    /** For any operation: a refusal because this node is not leader, or a generic failure. */
    static ConsensusException of(Status status, String operation, Optional<String> leader) {
        if (isNotLeader(status)) {
            return new NotLeaderException(leader, operation + " refused: this node is not the leader");
        }
        return new ConsensusException(code(status), operation + " failed: " + describe(status));
    }

    /** For a proposal: says whether the entry may still be committed elsewhere. */
    static ConsensusException ofProposal(Status status, Optional<String> leader) {
        if (isNotLeader(status)) {
            return new NotLeaderException(leader, "proposal refused: this node is not the leader");
        }
        RaftError error = status.getRaftError();
        // These are raised before the entry is appended to the leader's log (busy queue, leadership
        // transfer in progress, node shutting down). Anything else, notably EPERM "Leader stepped
        // down" from clearing the pending queue, may concern an entry already in the log.
        boolean notAppended = error == RaftError.EBUSY || error == RaftError.ENODESHUTDOWN;
        String outcome = notAppended ? "not appended" : "outcome unknown, it may still commit";
        return new CommitFailedException(code(status), "proposal failed (" + outcome + "): " + describe(status),
                !notAppended);
    }

    private static boolean isNotLeader(Status status) {
        // jraft says "Is not leader." when refusing a task and "Not leader" for other requests;
        // both are raised before anything is appended. "Leader stepped down" is different.
        String message = status.getErrorMsg();
        return status.getRaftError() == RaftError.EPERM && message != null
                && message.toLowerCase(Locale.ROOT).contains("not leader");
    }

    private static String code(Status status) {
        RaftError error = status.getRaftError();
        return error == null ? "E" + status.getCode() : error.name();
    }

    private static String describe(Status status) {
        return code(status) + " " + status.getErrorMsg();
    }
}
