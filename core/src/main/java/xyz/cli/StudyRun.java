package xyz.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import xyz.UserError;
import xyz.collect.CollectReport;
import xyz.collect.Collector;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.plan.PlanReport;
import xyz.plan.Planner;
import xyz.plot.FacetGrid;
import xyz.run.CellRunner;
import xyz.run.LocalExecutor;
import xyz.run.Progress;
import xyz.run.RunSummary;
import xyz.run.Runners;
import xyz.run.StopSignal;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.Provenance;
import xyz.store.ResultsFolder;
import xyz.study.ExperimentSpec;
import xyz.study.FigureSpec;
import xyz.study.Study;

/**
 * One {@code xyz run}: plan, choose the cells to run, run them with a progress display, then
 * collect and draw. Ctrl-C stops the running cells, marks them interrupted and keeps every cell
 * that had ended.
 */
final class StudyRun {
  private static final int INTERRUPTED_EXIT = 130;

  private final Study study;
  private final PrintWriter out;
  private final PrintWriter progress;
  private final boolean terminal;
  private final ResultsFolder folder;
  private final List<String> args;
  private final CountDownLatch finished = new CountDownLatch(1);

  StudyRun(Study study, List<String> args, PrintWriter out, PrintWriter progress,
      boolean terminal) {
    this.args = args;
    this.study = study;
    this.out = out;
    this.progress = progress;
    this.terminal = terminal;
    this.folder = new ResultsFolder(study.resultsDir());
  }

  /**
   * Puts right what a killed run left in the results folder, and says so; the caller holds the
   * folder's run lock.
   */
  static void recover(ResultsFolder folder, PrintWriter out) throws IOException {
    ResultsFolder.Recovery r = folder.recover();
    if (r.restored() > 0) {
      out.println("xyz: a run that was killed while storing " + cells(r.restored())
          + " left " + (r.restored() == 1 ? "it" : "them") + " in work/: moved back into cells/");
    }
    if (r.removed() > 0) {
      out.println("xyz: removed " + r.removed() + " unfinished "
          + (r.removed() == 1 ? "attempt" : "attempts") + " of a run that was killed (those cells"
          + " run again)");
    }
    out.flush();
  }

  int run(Integer workersFlag, Rerun rerun, boolean collect, boolean plot) throws Exception {
    try (RunLock lock = RunLock.take(folder.root())) {
      return runPlan(workersFlag, rerun, collect, plot);
    } finally {
      finished.countDown();
    }
  }

  private int runPlan(Integer workersFlag, Rerun rerun, boolean collect, boolean plot)
      throws Exception {
    Plan plan = Planner.plan(study);
    Files.createDirectories(folder.root());
    PlanReport.writePlanJson(plan, folder.root().resolve("plan.json"));
    recover(folder, out);
    Map<String, CellStatus> ended = folder.statuses();
    List<Cell> todo = new ArrayList<>();
    int keptFailed = 0;
    for (Cell cell : plan.cells()) {
      CellStatus st = ended.get(cell.id());
      if (st == null || st.state() == CellState.INTERRUPTED || rerun == Rerun.ALL) {
        todo.add(cell);
      } else if (st.state() != CellState.DONE) {
        if (rerun == Rerun.FAILED) {
          todo.add(cell);
        } else {
          keptFailed++;
        }
      }
    }
    int total = plan.cells().size();
    if (todo.isEmpty()) {
      out.println(
          "xyz: all " + total + " cells of " + study.name() + " have ended"
              + (keptFailed > 0 ? " (" + keptFailed + " not done)" : "")
              + "; nothing to run" + (keptFailed > 0 ? " (--rerun failed runs those again)" : ""));
      if (upToDate(plot)) {
        out.println("xyz: results and figures are up to date in " + folder.root());
        out.flush();
        return keptFailed > 0 ? Main.FAILURE : 0;
      }
    } else {
      CellRunner runner = Runners.of(study);
      int workers = workers(workersFlag, todo.size());
      out.println(
          "xyz: running " + todo.size() + " of " + cells(total) + " of " + study.name() + " with "
              + workers + " worker" + (workers == 1 ? "" : "s")
              + (total > todo.size() ? " (" + (total - todo.size()) + " already ended)" : ""));
      out.flush();
      RunSummary summary = execute(runner, todo, total, workers);
      report(summary, keptFailed);
      if (summary.interrupted()) {
        out.println("xyz: interrupted; " + cells(summary.count(CellState.DONE)) + " finished and "
            + (summary.count(CellState.DONE) == 1 ? "was" : "were")
            + " kept; `xyz run` resumes with the rest"
            + (rerun == Rerun.ALL ? " (the cells this --rerun all had not reached keep their"
                + " earlier results; `xyz run --rerun all` runs every cell again)" : ""));
        out.flush();
        return INTERRUPTED_EXIT;
      }
      keptFailed += summary.ran() - summary.count(CellState.DONE);
    }
    if (collect) {
      collectAndPlot(study, plan, folder, out, plot);
    }
    out.flush();
    return keptFailed > 0 ? Main.FAILURE : 0;
  }

  private RunSummary execute(CellRunner runner, List<Cell> todo, int total, int workers)
      throws Exception {
    ExperimentSpec experiment = study.experiment();
    Path codeDir =
        experiment instanceof ExperimentSpec.Command c ? c.workdir() : study.file().getParent();
    List<String> xyz = new ArrayList<>(List.of("xyz"));
    xyz.addAll(args);
    Provenance provenance = Provenance.capture(
        codeDir == null ? Path.of(".") : codeDir, experiment.identity(),
        Provenance.commandLine(xyz));
    StopSignal stop = new StopSignal();
    Thread hook = new Thread(() -> onInterrupt(stop), "xyz-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Progress bar = new Progress(progress, terminal, todo.size(), experiment.retries())) {
      LocalExecutor executor = new LocalExecutor(folder, workers, provenance, bar);
      return executor.run(experiment, runner, todo, total, stop);
    } finally {
      if (!stop.stopped()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
  }

  /**
   * Runs on Ctrl-C (or SIGTERM): stops the running cells and holds the JVM until the run has
   * written their status and its summary, so that the exit loses nothing.
   */
  private void onInterrupt(StopSignal stop) {
    stop.stop();
    try {
      finished.await(LocalExecutor.STOP_WAIT.toSeconds() + 10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void report(RunSummary s, int keptFailed) {
    StringBuilder line = new StringBuilder("xyz: ran " + cells(s.ran()) + " in ");
    line.append(Progress.clock(s.wall())).append(": ");
    List<String> parts = new ArrayList<>();
    for (CellState state : CellState.values()) {
      if (s.count(state) > 0) {
        parts.add(s.count(state) + " " + state.label());
      }
    }
    line.append(parts.isEmpty() ? "none" : String.join(", ", parts));
    if (s.skipped() > 0) {
      line.append("; ").append(s.skipped()).append(" skipped (already ended)");
    }
    out.println(line);
    if (!s.failed().isEmpty()) {
      out.println("xyz: cells not done (their output is in " + folder.cells() + "/<cell-id>/):");
      int shown = 0;
      for (Cell cell : s.failed()) {
        if (shown++ == 10) {
          out.println("  ... and " + (s.failed().size() - 10) + " more (xyz status lists all)");
          break;
        }
        out.println("  " + cell.id() + "  " + Progress.params(cell.params()));
      }
    }
    if (keptFailed > 0) {
      out.println("xyz: " + cells(keptFailed) + " that failed before "
          + (keptFailed == 1 ? "was" : "were") + " kept as they are; --rerun failed runs "
          + (keptFailed == 1 ? "it" : "them") + " again");
    }
    out.flush();
  }

  /** Collects the results folder into the database, then draws the study's figures. */
  static void collectAndPlot(
      Study study, Plan plan, ResultsFolder folder, PrintWriter out, boolean plot) {
    CollectReport report = Collector.collect(study, folder.root(), plan);
    out.println("xyz: " + report.summary().replace("\n", "\nxyz: "));
    report.details(10).forEach(line -> out.println("xyz: WARNING: " + line));
    if (!plot) {
      return;
    }
    for (FigureSpec figure : study.figures()) {
      try {
        List<Path> files = FacetGrid.draw(study, folder.database(), figure, folder.figures(),
            note -> out.println("xyz: figure " + figure.name() + ": " + note));
        for (Path f : files) {
          out.println("xyz: figure " + f);
        }
      } catch (UserError e) {
        // The cells are done and collected; a figure with nothing to show loses none of that.
        out.println("xyz: WARNING: figure " + figure.name() + " was not drawn: "
            + e.getMessage().replace("\n", "\n    "));
      }
    }
  }

  /** Whether the database and every figure are newer than the newest ended cell. */
  private boolean upToDate(boolean plot) throws IOException {
    Path db = folder.database();
    if (!Files.exists(db)) {
      return false;
    }
    FileTime dbTime = Files.getLastModifiedTime(db);
    if (modified(study.file()).compareTo(dbTime) > 0) {
      return false;
    }
    if (Files.isDirectory(folder.cells())) {
      try (var dirs = Files.list(folder.cells())) {
        if (dirs.anyMatch(d -> modified(d).compareTo(dbTime) > 0)) {
          return false;
        }
      }
    }
    if (!plot) {
      return true;
    }
    for (FigureSpec f : study.figures()) {
      for (String format : f.formats()) {
        Path file = folder.figures().resolve(f.name() + "." + format.toLowerCase(Locale.ROOT));
        if (!Files.exists(file) || Files.getLastModifiedTime(file).compareTo(dbTime) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(Long.MAX_VALUE);
    }
  }

  /** {@code 1 cell}, {@code 2 cells}. */
  static String cells(int n) {
    return n + (n == 1 ? " cell" : " cells");
  }

  private int workers(Integer flag, int cells) {
    int n = flag != null ? flag
        : study.executor().workers() != null ? study.executor().workers()
        : Runtime.getRuntime().availableProcessors();
    return Math.max(1, Math.min(n, cells));
  }
}
