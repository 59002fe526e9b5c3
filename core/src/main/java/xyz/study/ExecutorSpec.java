package xyz.study;

/**
 * Where the cells of a study run.
 *
 * @param type the executor's name; {@code local} is the only one so far
 * @param workers the local worker count, or null for the number of cores
 */
public record ExecutorSpec(String type, Integer workers) {

  /** The embedded default: a worker pool on this machine, one worker per core. */
  public static ExecutorSpec local() {
    return new ExecutorSpec("local", null);
  }
}
