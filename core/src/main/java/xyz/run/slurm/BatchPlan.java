package xyz.run.slurm;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.Provenance;
import xyz.study.ExperimentSpec;
import xyz.study.SlurmSpec;
import xyz.study.Study;

/**
 * What one submission sends to Slurm: the cells packed into array tasks, the tasks split into
 * arrays no larger than the cluster allows, and the batch script of each array. Nothing is
 * submitted here, so that {@code xyz plan --executor slurm} can show the scripts.
 *
 * @param cellsPerTask the cells each task runs
 * @param tasks the cell ids of each task
 * @param arrays the arrays, each with its script
 */
public record BatchPlan(int cellsPerTask, List<List<String>> tasks, List<Script> arrays) {
  /** The time a task's JVM needs besides its cells, added to a derived time limit. */
  static final Duration TASK_OVERHEAD = Duration.ofMinutes(5);

  /**
   * One array and its batch script.
   *
   * @param offset the submission's index of the array's task 0
   * @param size its task count
   * @param file the script's file name
   * @param text the script
   */
  public record Script(int offset, int size, String file, String text) {}

  /**
   * Plans a submission.
   *
   * @param study the study, with its experiment and executor options
   * @param spec the Slurm options (the study's, with the command line's on top)
   * @param cells the cells to submit, in plan order
   * @param ended the cells ended so far, whose durations size the tasks for a target time
   * @param maxArraySize the cluster's {@code MaxArraySize}
   * @param dir the submission's folder
   */
  public static BatchPlan of(Study study, SlurmSpec spec, List<Cell> cells,
      Collection<CellStatus> ended, int maxArraySize, Path dir) {
    int perTask = cellsPerTask(spec, study.experiment(), ended);
    List<List<String>> tasks = new ArrayList<>();
    for (int i = 0; i < cells.size(); i += perTask) {
      List<String> ids = new ArrayList<>();
      for (Cell c : cells.subList(i, Math.min(cells.size(), i + perTask))) {
        ids.add(c.id());
      }
      tasks.add(ids);
    }
    Duration time = spec.time() != null ? spec.time() : derivedTime(study.experiment(), perTask);
    List<Script> arrays = new ArrayList<>();
    int size = Math.max(1, maxArraySize);
    for (int offset = 0; offset < tasks.size(); offset += size) {
      int n = Math.min(size, tasks.size() - offset);
      String file = "array-" + arrays.size() + ".sbatch";
      arrays.add(new Script(offset, n, file, script(study, spec, time, dir, offset, n)));
    }
    return new BatchPlan(perTask, tasks, arrays);
  }

  /**
   * The cells per task: as given; else as many as fill the target time, each cell taking the
   * median duration of the cells done so far, or the experiment's timeout; else one.
   */
  static int cellsPerTask(SlurmSpec spec, ExperimentSpec experiment,
      Collection<CellStatus> ended) {
    if (spec.cellsPerTask() != null) {
      return spec.cellsPerTask();
    }
    if (spec.targetTaskTime() == null) {
      return 1;
    }
    double[] seconds = ended.stream().filter(s -> s.state() == CellState.DONE)
        .mapToDouble(CellStatus::seconds).sorted().toArray();
    double cell = seconds.length > 0 ? seconds[seconds.length / 2]
        : experiment.timeout() != null ? experiment.timeout().toSeconds() : 0;
    if (cell <= 0) {
      return 1;
    }
    long n = (long) Math.floor(spec.targetTaskTime().toSeconds() / Math.max(cell, 0.001));
    return (int) Math.max(1, Math.min(n, 1_000_000));
  }

  /** A task's limit when none is given: every attempt of its cells at their timeout. */
  private static Duration derivedTime(ExperimentSpec experiment, int perTask) {
    if (experiment.timeout() == null) {
      return null;
    }
    return experiment.timeout().multipliedBy((long) perTask * (experiment.retries() + 1))
        .plus(TASK_OVERHEAD);
  }

  /** A duration as sbatch reads it, rounded up to whole minutes: {@code D-HH:MM:00}. */
  static String slurmTime(Duration d) {
    long minutes = (d.toSeconds() + 59) / 60;
    return String.format(Locale.ROOT, "%d-%02d:%02d:00", minutes / 1440, minutes / 60 % 24,
        minutes % 60);
  }

  private static String script(Study study, SlurmSpec spec, Duration time, Path dir, int offset,
      int size) {
    StringBuilder b = new StringBuilder("#!/bin/bash\n");
    b.append("# xyz: tasks ").append(offset).append(" to ").append(offset + size - 1)
        .append(" of ").append(dir.toAbsolutePath()).append('/').append(Submission.TASKS)
        .append('\n');
    option(b, "--job-name=xyz-" + study.name());
    String array = "--array=0-" + (size - 1);
    if (spec.throttle() != null) {
      array += "%" + spec.throttle();
    }
    option(b, array);
    option(b, "--output=" + dir.toAbsolutePath().resolve("logs") + "/%A_%a.out");
    option(b, "--open-mode=append");
    if (spec.partition() != null) {
      option(b, "--partition=" + spec.partition());
    }
    if (time != null) {
      option(b, "--time=" + slurmTime(time));
    }
    if (spec.mem() != null) {
      option(b, "--mem=" + spec.mem());
    }
    if (spec.cpus() != null) {
      option(b, "--cpus-per-task=" + spec.cpus());
    }
    if (spec.gres() != null) {
      option(b, "--gres=" + spec.gres());
    }
    if (spec.account() != null) {
      option(b, "--account=" + spec.account());
    }
    if (spec.qos() != null) {
      option(b, "--qos=" + spec.qos());
    }
    for (String extra : spec.extra()) {
      option(b, extra);
    }
    // The compute node shares the file system, so the worker runs the very JVM and classes of
    // the xyz that submitted it.
    List<String> argv = new ArrayList<>(worker());
    argv.addAll(List.of("worker", study.file().toAbsolutePath().toString(),
        "--results", study.resultsDir().toAbsolutePath().toString(),
        "--submission", dir.toAbsolutePath().toString(),
        "--offset", Integer.toString(offset)));
    b.append("exec ").append(Provenance.commandLine(argv)).append('\n');
    return b.toString();
  }

  private static void option(StringBuilder b, String option) {
    b.append("#SBATCH ").append(option).append('\n');
  }

  /** The command that starts xyz's main class in this JVM's runtime with its classpath. */
  static List<String> worker() {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-Djava.awt.headless=true");
    argv.add("-Dfile.encoding=UTF-8");
    argv.add("-cp");
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    argv.add(String.join(File.pathSeparator, entries));
    argv.add("xyz.cli.Main");
    return argv;
  }
}
