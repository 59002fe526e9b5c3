package xyz.run;

import xyz.store.CellState;

/**
 * How one attempt of a cell ended.
 *
 * @param state done, failed, timeout or interrupted
 * @param exitCode the process's exit code, or null
 * @param signal the signal that killed the process, or null
 * @param error a one-line reason when the state is not done, or null
 */
public record Outcome(CellState state, Integer exitCode, Integer signal, String error) {

  /** An attempt that ended normally. */
  public static Outcome done(Integer exitCode) {
    return new Outcome(CellState.DONE, exitCode, null, null);
  }
}
