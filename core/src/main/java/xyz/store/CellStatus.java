package xyz.store;

import java.time.Duration;
import java.time.Instant;

/**
 * The status file of a cell, written last: a cell counts as done only when this says so.
 *
 * @param cellId the cell's id
 * @param state how the last attempt ended
 * @param exitCode the process exit code, or null (a Java experiment, a killed process)
 * @param signal the signal that ended the process, or null
 * @param attempt the attempt number, from 1
 * @param started when the attempt started
 * @param ended when it ended
 * @param host the machine it ran on
 * @param error a one-line reason for a cell that is not done, or null
 */
public record CellStatus(
    String cellId, CellState state, Integer exitCode, Integer signal, int attempt,
    Instant started, Instant ended, String host, String error) {

  /** The attempt's wall time in seconds. */
  public double seconds() {
    return Duration.between(started, ended).toNanos() / 1e9;
  }
}
