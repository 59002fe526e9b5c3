package xyz.study;

/**
 * Where the cells of a study run.
 *
 * @param type the executor's name: {@code local} or {@code slurm}
 * @param workers the local worker count, or null for the number of cores
 * @param slurm the Slurm options; the defaults for a local executor
 */
public record ExecutorSpec(String type, Integer workers, SlurmSpec slurm) {

  public ExecutorSpec {
    slurm = slurm == null ? SlurmSpec.defaults() : slurm;
  }

  /** An executor without Slurm options. */
  public ExecutorSpec(String type, Integer workers) {
    this(type, workers, null);
  }

  /** The embedded default: a worker pool on this machine, one worker per core. */
  public static ExecutorSpec local() {
    return new ExecutorSpec("local", null);
  }
}
