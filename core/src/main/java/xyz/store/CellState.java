package xyz.store;

import java.util.Locale;

/** How a cell's last attempt ended. A cell without a status file has not ended at all. */
public enum CellState {
  /** The experiment ended normally; its observables are complete. */
  DONE,
  /** The experiment failed: a non-zero exit code, a signal or an exception. */
  FAILED,
  /** The attempt ran past the study's timeout and was stopped. */
  TIMEOUT,
  /** The run was stopped (Ctrl-C) while the cell was running. */
  INTERRUPTED;

  /** The name used in status files, CSV columns and messages. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state of a status file's {@code state} text, or null for an unknown text. */
  public static CellState parse(String label) {
    for (CellState s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    return null;
  }
}
