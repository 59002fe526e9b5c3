package xyz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.plan.Planner;
import xyz.run.CellRunner;
import xyz.run.LocalExecutor;
import xyz.run.Outcome;
import xyz.run.RunListener;
import xyz.run.RunSummary;
import xyz.run.Runners;
import xyz.run.StopSignal;
import xyz.run.slurm.Submission;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.Provenance;
import xyz.store.ResultsFolder;
import xyz.study.ExperimentSpec;
import xyz.study.Study;

/**
 * {@code xyz worker}: what one Slurm array task runs. It reads its cells from the submission's
 * {@code tasks.txt} and runs them one at a time with the local executor, so that a cell run on
 * Slurm writes exactly what it writes on this machine. SIGTERM (a cancel, the time limit) stops
 * the running cell and marks it interrupted.
 */
@Command(
    name = "worker",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Run the cells of one Slurm array task (called by the batch scripts of `xyz run"
        + " --executor slurm`).")
final class WorkerCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Option(names = "--submission", paramLabel = "DIR", required = true,
      description = "The submission folder holding tasks.txt.")
  Path submission;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
      description = "The submission's index of this array's task 0.")
  int offset;

  @Option(names = "--task", paramLabel = "N",
      description = "The task in the array (default: $SLURM_ARRAY_TASK_ID).")
  Integer task;

  private static final int SIGTERM = 15;

  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    try {
      return work();
    } finally {
      finished.countDown();
    }
  }

  private int work() throws Exception {
    int index = offset + task();
    Study s = study.load();
    PrintWriter out = spec.commandLine().getOut();
    List<String> ids = Submission.readTask(submission, index);
    Plan plan = Planner.plan(s);
    Map<String, Cell> byId = new HashMap<>();
    for (Cell c : plan.cells()) {
      byId.put(c.id(), c);
    }
    List<Cell> cells = new ArrayList<>();
    for (String id : ids) {
      Cell c = byId.get(id);
      if (c == null) {
        spec.commandLine().getErr().println("xyz worker: cell " + id + " is no longer in the "
            + "plan of " + s.file() + " (the study changed after submission); skipped");
      } else {
        cells.add(c);
      }
    }
    out.println("xyz worker: task " + index + " of " + submission + ": " + cells.size()
        + " cells on " + Provenance.hostName());
    out.flush();
    ExperimentSpec experiment = s.experiment();
    Path codeDir =
        experiment instanceof ExperimentSpec.Command c ? c.workdir() : s.file().getParent();
    List<String> argv = new ArrayList<>(List.of("xyz"));
    argv.addAll(spec.commandLine().getParseResult().originalArgs());
    Provenance provenance = Provenance.capture(codeDir == null ? Path.of(".") : codeDir,
        experiment.identity(), Provenance.commandLine(argv));
    StopSignal stop = new StopSignal();
    Thread hook = new Thread(() -> onTerm(stop), "xyz-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    RunSummary summary;
    try {
      summary = new LocalExecutor(new ResultsFolder(s.resultsDir()), 1, provenance, log(out))
          .run(experiment, termAware(Runners.of(s), stop), cells, cells.size(), stop);
    } finally {
      if (!stop.stopped()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    out.println("xyz worker: task " + index + " ended: " + summary.count(CellState.DONE)
        + " of " + cells.size() + " cells done");
    out.flush();
    return summary.count(CellState.DONE) == ids.size() ? 0 : Main.FAILURE;
  }

  private int task() {
    if (task != null) {
      return task;
    }
    String env = System.getenv("SLURM_ARRAY_TASK_ID");
    if (env == null) {
      throw new UserError("xyz worker runs inside a Slurm array task: SLURM_ARRAY_TASK_ID is "
          + "not set\n  fix: give --task N, or let `xyz run --executor slurm` submit it");
    }
    return Integer.parseInt(env.strip());
  }

  private static RunListener log(PrintWriter out) {
    return new RunListener() {
      @Override
      public void retrying(Cell cell, CellStatus status, String stderrTail) {
        out.println("xyz worker: " + cell.id() + " attempt " + status.attempt() + " "
            + status.state().label() + ": " + status.error() + "; retrying");
        out.flush();
      }

      @Override
      public void ended(Cell cell, CellStatus status, String stderrTail) {
        out.println(String.format(Locale.ROOT, "xyz worker: %s %s in %.1f s%s", cell.id(),
            status.state().label(), status.seconds(),
            status.error() == null ? "" : ": " + status.error()));
        out.flush();
      }
    };
  }

  /**
   * Slurm sends SIGTERM to every process of a cancelled task at once, so a cell's program may die
   * of it a moment before this JVM learns that the task is stopping: such a cell was interrupted,
   * not failed, and a resubmission runs it again.
   */
  private static CellRunner termAware(CellRunner runner, StopSignal stop) {
    return (cell, dir, timeout, signal) -> {
      Outcome o = runner.run(cell, dir, timeout, signal);
      if (o.state() != CellState.FAILED || !Integer.valueOf(SIGTERM).equals(o.signal())) {
        return o;
      }
      for (int i = 0; i < 20 && !stop.stopped(); i++) {
        Thread.sleep(100);
      }
      return stop.stopped()
          ? new Outcome(CellState.INTERRUPTED, o.exitCode(), o.signal(),
              "interrupted: its Slurm task was stopped", o.commandLine())
          : o;
    };
  }

  /** On SIGTERM: stop the running cell and hold the JVM until its status is written. */
  private void onTerm(StopSignal stop) {
    stop.stop();
    try {
      finished.await(LocalExecutor.STOP_WAIT.toSeconds() + 10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
