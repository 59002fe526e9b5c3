package xyz.cli;

/** Which ended cells {@code xyz run} runs again. */
enum Rerun {
  /** None: only cells that never ended (new, or interrupted) run. */
  NONE,
  /** Cells that failed or timed out run again, beside the new and interrupted ones. */
  FAILED,
  /** Every cell runs again. */
  ALL
}
