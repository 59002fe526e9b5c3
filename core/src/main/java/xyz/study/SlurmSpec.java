package xyz.study;

import java.time.Duration;
import java.util.List;

/**
 * How a study's cells go to Slurm: the resources of each array task and how cells are packed
 * into tasks. Every field may be null (or empty) for the cluster's default.
 *
 * @param partition the partition ({@code --partition})
 * @param time the wall-time limit of one array task ({@code --time}), or null: then the cells'
 *     timeouts times the cells per task, when the experiment has a timeout
 * @param mem the memory of one task, as Slurm writes it: {@code 4G}, {@code 500M} ({@code --mem})
 * @param cpus the CPUs of one task ({@code --cpus-per-task})
 * @param gres generic resources such as {@code gpu:1} ({@code --gres})
 * @param account the account charged ({@code --account})
 * @param qos the quality of service ({@code --qos})
 * @param extra more {@code #SBATCH} options, each as one flag such as {@code --constraint=avx2}
 * @param cellsPerTask how many cells one array task runs, one after the other
 * @param targetTaskTime the wall time one task should take, from which the cells per task are
 *     derived when {@code cellsPerTask} is not given
 * @param throttle the most array tasks that run at once (the {@code %} of {@code --array})
 */
public record SlurmSpec(
    String partition, Duration time, String mem, Integer cpus, String gres, String account,
    String qos, List<String> extra, Integer cellsPerTask, Duration targetTaskTime,
    Integer throttle) {

  /** The keys of {@code executor} that only Slurm reads, in the order the reference gives. */
  public static final List<String> KEYS = List.of("partition", "time", "mem", "cpus", "gres",
      "account", "qos", "extra", "cells_per_task", "target_task_time", "throttle");

  /** No options: the cluster's defaults, one cell per task, no throttle. */
  public static SlurmSpec defaults() {
    return new SlurmSpec(null, null, null, null, null, null, null, List.of(), null, null, null);
  }

  public SlurmSpec {
    extra = extra == null ? List.of() : List.copyOf(extra);
  }
}
