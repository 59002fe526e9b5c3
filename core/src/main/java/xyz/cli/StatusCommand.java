package xyz.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.plan.Planner;
import xyz.run.Progress;
import xyz.run.slurm.SlurmCommands;
import xyz.run.slurm.SlurmState;
import xyz.run.slurm.Submission;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.ResultsFolder;
import xyz.study.Durations;
import xyz.study.Study;

/** {@code xyz status}: counts of the study's cells per state, and the cells that are not done. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show how many of a study's cells are done, failed, timed out, interrupted or "
        + "not run yet, and list the cells that are not done. For a study sent to Slurm, also "
        + "pending, running and lost cells, from one squeue and one sacct call.")
final class StatusCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Option(names = "--wait", description = "On Slurm: follow the study with the progress display "
      + "until no cell is queued; exit 0 only when every cell is done.")
  boolean await;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "10s",
      description = "With --wait: time between two looks at the queue (default: "
          + "${DEFAULT-VALUE}).")
  String interval;

  @Override
  public Integer call() throws InterruptedException {
    Study s = study.load();
    Plan plan = Planner.plan(s);
    if (!Submission.readAll(s.resultsDir()).isEmpty()) {
      return slurm(s, plan);
    }
    Map<String, CellStatus> ended = new ResultsFolder(s.resultsDir()).statuses();
    Map<CellState, Integer> counts = new EnumMap<>(CellState.class);
    List<String> notDone = new ArrayList<>();
    int missing = 0;
    for (Cell cell : plan.cells()) {
      CellStatus st = ended.get(cell.id());
      if (st == null) {
        missing++;
        continue;
      }
      counts.merge(st.state(), 1, Integer::sum);
      if (st.state() != CellState.DONE) {
        // A reason of several lines (valid:, fix:) is indented under the cell's id.
        String error = st.error() == null ? null : st.error().replace("\n", "\n" + " ".repeat(21));
        notDone.add(String.format(java.util.Locale.ROOT, "  %s  %-11s %s: %s", cell.id(),
            st.state().label(), Progress.params(cell.params()), error));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(s.name() + ": " + StudyRun.cells(plan.cells().size()) + " in " + s.resultsDir()
        + (java.nio.file.Files.isDirectory(s.resultsDir()) ? "" : " (no results yet: nothing has"
            + " run into this folder)"));
    for (CellState state : CellState.values()) {
      int n = counts.getOrDefault(state, 0);
      out.printf(java.util.Locale.ROOT, "  %-12s %d%n", state.label(), n);
    }
    out.printf(java.util.Locale.ROOT, "  %-12s %d%n", "not run", missing);
    if (!notDone.isEmpty()) {
      out.println("cells not done:");
      notDone.forEach(out::println);
    }
    out.flush();
    // Nothing was sent to Slurm, so there is nothing to wait for; --wait still promises exit 0
    // only when every cell is done.
    return await && counts.getOrDefault(CellState.DONE, 0) < plan.cells().size()
        ? Main.FAILURE : 0;
  }

  private int slurm(Study s, Plan plan) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    SlurmState state;
    if (await) {
      state = new SlurmRun(s, out, spec.commandLine().getErr(), System.console() != null)
          .follow(plan, interval(interval));
    } else {
      state = SlurmState.read(new ResultsFolder(s.resultsDir()), plan, new SlurmCommands());
    }
    SlurmRun.print(s, state, out);
    out.flush();
    if (!await) {
      return 0;
    }
    return state.counts().get(SlurmState.Kind.DONE) == plan.cells().size() ? 0 : Main.FAILURE;
  }

  /** The {@code --interval} flag: at least one second, so that a poll never floods Slurm. */
  static Duration interval(String text) {
    Duration d = Durations.parse(text).orElseThrow(() -> new UserError(
        "--interval: '" + text + "' is not a duration\n  fix: a whole number and a unit, such as"
            + " --interval 30s"));
    return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
  }
}
