package xyz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.plan.PlanReport;
import xyz.plan.Planner;
import xyz.run.Progress;
import xyz.run.slurm.SlurmCommands;
import xyz.run.slurm.SlurmExecutor;
import xyz.run.slurm.SlurmState;
import xyz.run.slurm.SlurmState.Kind;
import xyz.run.slurm.Submission;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.ResultsFolder;
import xyz.study.SlurmSpec;
import xyz.study.Study;

/**
 * {@code xyz run} on Slurm: submits the cells that are missing, lost or interrupted (and failed
 * ones with {@code --rerun failed}), never one that is done or still queued, and returns with
 * the job ids; with {@code --wait} it follows the study to its end, then collects and plots.
 */
final class SlurmRun {
  private static final int SHOWN = 20;

  private final Study study;
  private final PrintWriter out;
  private final PrintWriter progress;
  private final boolean terminal;
  private final ResultsFolder folder;
  private final SlurmCommands slurm = new SlurmCommands();

  SlurmRun(Study study, PrintWriter out, PrintWriter progress, boolean terminal) {
    this.study = study;
    this.out = out;
    this.progress = progress;
    this.terminal = terminal;
    this.folder = new ResultsFolder(study.resultsDir());
  }

  /** The cells a run submits now. */
  static List<Cell> toSubmit(SlurmState state, Rerun rerun) {
    List<Cell> out = new ArrayList<>();
    for (SlurmState.CellView v : state.cells()) {
      boolean go = switch (v.kind()) {
        case NOT_SUBMITTED, LOST, INTERRUPTED -> true;
        case FAILED, TIMEOUT -> rerun != Rerun.NONE;
        case DONE -> rerun == Rerun.ALL;
        case PENDING, RUNNING -> false;
      };
      if (go) {
        out.add(v.cell());
      }
    }
    return out;
  }

  int run(SlurmSpec spec, Rerun rerun, boolean wait, Duration interval, boolean collect,
      boolean plot) throws Exception {
    Plan plan = Planner.plan(study);
    boolean any;
    // The lock covers the submission only: two submissions at once would both send the cells
    // that neither has sent yet.
    try (RunLock lock = RunLock.take(folder.root())) {
      any = submit(plan, spec, rerun);
    }
    if (!wait) {
      if (any) {
        String target = StudyOptions.target(study);
        out.println("xyz: follow with `xyz status " + target + " --wait`; then `xyz collect "
            + target + "` and `xyz plot`, or `xyz run` again to resubmit what did not end");
      }
      out.flush();
      return 0;
    }
    out.flush();
    SlurmState end = follow(plan, interval);
    Map<Kind, Integer> c = end.counts();
    out.println("xyz: " + study.name() + " ended: " + summary(c));
    printNotDone(end, out);
    if (collect) {
      StudyRun.collectAndPlot(study, plan, folder, out, plot);
    }
    out.flush();
    return c.get(Kind.DONE) == plan.cells().size() ? 0 : Main.FAILURE;
  }

  /** Submits what is to run; whether any cell is queued now. */
  private boolean submit(Plan plan, SlurmSpec spec, Rerun rerun) throws IOException {
    Files.createDirectories(folder.root());
    PlanReport.writePlanJson(plan, folder.root().resolve("plan.json"));
    StudyRun.recover(folder, out);
    SlurmState state = SlurmState.read(folder, plan, slurm);
    List<Cell> todo = toSubmit(state, rerun);
    Map<Kind, Integer> counts = state.counts();
    int queued = counts.get(Kind.PENDING) + counts.get(Kind.RUNNING);
    if (todo.isEmpty()) {
      out.println("xyz: nothing to submit for " + study.name() + ": " + summary(counts));
    } else {
      long start = System.nanoTime();
      Submission sub = new SlurmExecutor(slurm).submit(study, spec, todo,
          folder.statuses().values());
      double ms = (System.nanoTime() - start) / 1e6;
      out.printf(Locale.ROOT, "xyz: submitted %d of %d cells of %s to Slurm as %d array "
          + "task%s (%d cell%s each) in %.0f ms: job%s %s%n", todo.size(), plan.cells().size(),
          study.name(), sub.tasks().size(), sub.tasks().size() == 1 ? "" : "s",
          sub.cellsPerTask(), sub.cellsPerTask() == 1 ? "" : "s", ms,
          sub.jobIds().size() == 1 ? "" : "s", String.join(", ", sub.jobIds()));
      if (queued > 0) {
        out.println("xyz: " + queued + " cells still queued from before were left alone");
      }
      out.println("xyz: the job ids are in " + sub.dir().resolve(Submission.RECORD));
    }
    return !todo.isEmpty() || queued > 0;
  }

  /** Follows the study with the progress display until no cell is queued; one poll each time. */
  SlurmState follow(Plan plan, Duration interval) throws InterruptedException {
    SlurmState state = SlurmState.read(folder, plan, slurm);
    if (!state.active()) {
      return state;
    }
    Set<String> active = new HashSet<>();
    Set<String> started = new HashSet<>();
    for (SlurmState.CellView v : state.cells()) {
      if (v.kind() == Kind.PENDING || v.kind() == Kind.RUNNING) {
        active.add(v.cell().id());
      }
    }
    try (Progress bar = new Progress(progress, terminal, active.size(), 0)) {
      while (true) {
        for (SlurmState.CellView v : state.cells()) {
          String id = v.cell().id();
          if (!active.contains(id)) {
            continue;
          }
          if (v.kind() != Kind.PENDING && started.add(id)) {
            bar.started(v.cell(), 1);
          }
          if (v.kind() != Kind.PENDING && v.kind() != Kind.RUNNING) {
            active.remove(id);
            bar.ended(v.cell(), shown(v), tail(v));
          }
        }
        if (!state.active()) {
          return state;
        }
        Thread.sleep(interval.toMillis());
        state = SlurmState.read(folder, plan, slurm);
      }
    }
  }

  /** The status the progress display shows: the cell's own, or a lost one's task state. */
  private static CellStatus shown(SlurmState.CellView v) {
    if (v.status() != null) {
      return v.status();
    }
    Instant now = Instant.now();
    return new CellStatus(v.cell().id(), CellState.FAILED, null, null, 1, now, now, null,
        "lost: its Slurm task " + v.task() + " ended " + v.slurmState() + " before the cell did");
  }

  private String tail(SlurmState.CellView v) {
    if (v.kind() != Kind.FAILED && v.kind() != Kind.TIMEOUT) {
      return "";
    }
    Path err = folder.cell(v.cell().id()).resolve(ResultsFolder.STDERR);
    try {
      if (!Files.exists(err)) {
        return "";
      }
      List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  static String summary(Map<Kind, Integer> counts) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Kind, Integer> e : counts.entrySet()) {
      if (e.getValue() > 0) {
        parts.add(e.getValue() + " " + e.getKey().label());
      }
    }
    return parts.isEmpty() ? "no cells" : String.join(", ", parts);
  }

  /** Prints the counts per state, the tasks per Slurm state and the cells not done. */
  static void print(Study study, SlurmState state, PrintWriter out) {
    Map<Kind, Integer> counts = state.counts();
    out.println(study.name() + ": " + state.cells().size() + " cells in " + study.resultsDir()
        + " (Slurm job" + (state.jobIds().size() == 1 ? " " : "s ")
        + String.join(", ", state.jobIds()) + ")");
    for (Map.Entry<Kind, Integer> e : counts.entrySet()) {
      String line = String.format(Locale.ROOT, "  %-13s %d", e.getKey().label(), e.getValue());
      if (e.getKey() == Kind.LOST && e.getValue() > 0) {
        line += "  (their task: " + join(state.lostBy()) + ")";
      }
      out.println(line);
    }
    if (!state.tasksByState().isEmpty()) {
      out.println("array tasks: " + join(state.tasksByState()));
    }
    printNotDone(state, out);
  }

  private static void printNotDone(SlurmState state, PrintWriter out) {
    List<String> lines = new ArrayList<>();
    int lost = 0;
    for (SlurmState.CellView v : state.cells()) {
      Kind k = v.kind();
      if (k == Kind.FAILED || k == Kind.TIMEOUT || k == Kind.INTERRUPTED) {
        lines.add(String.format(Locale.ROOT, "  %s  %-11s %s: %s", v.cell().id(), k.label(),
            Progress.params(v.cell().params()), v.status().error()));
      } else if (k == Kind.LOST && lost++ < SHOWN) {
        lines.add(String.format(Locale.ROOT, "  %s  %-11s %s: task %s ended %s", v.cell().id(),
            k.label(), Progress.params(v.cell().params()), v.task(), v.slurmState()));
      }
    }
    if (lost > SHOWN) {
      lines.add("  ... and " + (lost - SHOWN) + " more lost cells");
    }
    if (!lines.isEmpty()) {
      out.println("cells not done (`xyz run` resubmits lost and interrupted ones, "
          + "`--rerun failed` failed ones too):");
      lines.forEach(out::println);
    }
  }

  private static String join(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(v + " " + k));
    return String.join(", ", parts);
  }
}
