package io.basalt.storage;

/**
 * What a committed {@link TableMutation} changed.
 *
 * @param deletedRows rows newly marked deleted (rows already deleted do not count)
 * @param appendedRows rows appended
 */
public record MutationResult(long deletedRows, long appendedRows) {

  /** Nothing changed. */
  public static final MutationResult NONE = new MutationResult(0, 0);
}
