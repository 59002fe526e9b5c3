package xyz.run;

import xyz.store.CellState;

/**
 * How one attempt of a cell ended.
 *
 * @param state done, failed, timeout or interrupted
 * @param exitCode the process's exit code, or null
 * @param signal the signal that killed the process, or null
 * @param error a one-line reason when the state is not done, or null
 * @param commandLine the command that ran, for provenance, or null when it is xyz's own
 */
public record Outcome(
    CellState state, Integer exitCode, Integer signal, String error, String commandLine) {

  /** An outcome of an experiment run inside the JVM. */
  public Outcome(CellState state, Integer exitCode, Integer signal, String error) {
    this(state, exitCode, signal, error, null);
  }

  /** An attempt that ended normally. */
  public static Outcome done(Integer exitCode) {
    return new Outcome(CellState.DONE, exitCode, null, null);
  }

  /** The same outcome, with the command line that ran. */
  Outcome ran(String line) {
    return new Outcome(state, exitCode, signal, error, line);
  }
}
