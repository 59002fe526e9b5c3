package xyz.run;

import xyz.plan.Cell;
import xyz.store.CellStatus;

/** What the local executor reports while a study runs: to the progress display and the tests. */
public interface RunListener {

  /** A cell's attempt starts. */
  default void started(Cell cell, int attempt) {}

  /** A failed or timed-out attempt will be tried again. */
  default void retrying(Cell cell, CellStatus status, String stderrTail) {}

  /** A cell has ended for good (done, or failed after its last attempt, or interrupted). */
  default void ended(Cell cell, CellStatus status, String stderrTail) {}
}
