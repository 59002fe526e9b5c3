package xyz.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.plan.Planner;
import xyz.run.Progress;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.ResultsFolder;
import xyz.study.Study;

/** {@code xyz status}: counts of the study's cells per state, and the cells that are not done. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show how many of a study's cells are done, failed, timed out, interrupted or "
        + "not run yet, and list the cells that are not done.")
final class StatusCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Study s = study.load();
    Plan plan = Planner.plan(s);
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
        notDone.add(String.format(java.util.Locale.ROOT, "  %s  %-11s %s: %s", cell.id(),
            st.state().label(), Progress.params(cell.params()), st.error()));
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
    return 0;
  }
}
