package xyz.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.plan.Plan;
import xyz.plan.PlanReport;
import xyz.plan.Planner;
import xyz.run.Runners;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.ResultsFolder;
import xyz.study.Study;

/** {@code xyz plan}: validates the study and shows its grid, without running anything. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a study and show its grid: the cell count per axis, a preview of the cells and "
          + "how many are already done. Runs nothing."
    })
final class PlanCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Option(
      names = "--preview",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many cells to show (default: ${DEFAULT-VALUE}).")
  int preview;

  @Override
  public Integer call() {
    Study s = study.load();
    Plan plan = Planner.plan(s);
    Runners.of(s);
    Map<String, CellStatus> ended = new ResultsFolder(s.resultsDir()).statuses();
    String text =
        PlanReport.render(
            plan,
            id -> {
              CellStatus st = ended.get(id);
              return st != null && st.state() == CellState.DONE;
            },
            Math.max(0, preview));
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
