package xyz.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.plan.PlanReport;
import xyz.plan.Planner;
import xyz.run.Runners;
import xyz.run.slurm.BatchPlan;
import xyz.run.slurm.SlurmCommands;
import xyz.run.slurm.SlurmExecutor;
import xyz.run.slurm.SlurmState;
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
          + "how many are already done. Runs nothing. With --executor slurm, also the batch "
          + "scripts that `xyz run` would submit."
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

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the whole plan to FILE, in the format of the results folder's "
          + "plan.json: the axes and every cell with its id and parameters (see "
          + "doc/results-layout.md); `-` prints the plan alone to standard output.")
  Path json;

  @Mixin SlurmOptions executor;

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
    PrintWriter out = spec.commandLine().getOut();
    if (json != null && json.toString().equals("-")) {
      // The plan alone, so that it can be piped; the report would break the JSON.
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      PlanReport.writePlanJson(plan, bytes);
      out.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return 0;
    }
    out.print(text);
    if (json != null) {
      writeJson(plan, out);
    }
    if (executor.slurm(s)) {
      scripts(s, plan, out);
    }
    out.flush();
    return 0;
  }

  /**
   * Writes the plan to the --json file, beside it first and then renamed over it; a device,
   * pipe, link or folder there is refused rather than replaced.
   */
  private void writeJson(Plan plan, PrintWriter out) {
    if (Files.isDirectory(json)) {
      throw new UserError("--json " + json + ": is a folder\n  fix: name a file, such as "
          + json.resolve("plan.json"));
    }
    if (Files.exists(json, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(json, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError("--json " + json + ": is not a plain file (a link, device or pipe),"
          + " which writing the plan would replace\n  fix: name a plain file, or give `--json -`"
          + " to write the plan to standard output");
    }
    PlanReport.writePlanJson(plan, json);
    out.println("plan: " + plan.cells().size() + " cells written to " + json);
  }

  /** The batch scripts `xyz run --executor slurm` would submit now. */
  private void scripts(Study s, Plan plan, PrintWriter out) {
    ResultsFolder folder = new ResultsFolder(s.resultsDir());
    SlurmCommands slurm = new SlurmCommands();
    List<Cell> todo = SlurmRun.toSubmit(SlurmState.read(folder, plan, slurm), Rerun.NONE);
    if (todo.isEmpty()) {
      out.println("\nslurm: nothing to submit: every cell is done, failed or queued");
      return;
    }
    BatchPlan batch = new SlurmExecutor(slurm).preview(s, executor.spec(s), todo,
        folder.statuses().values());
    if (!SlurmCommands.available()) {
      out.println("\nslurm: no sbatch on the PATH: arrays are split at Slurm's default "
          + "MaxArraySize of " + SlurmCommands.DEFAULT_MAX_ARRAY_SIZE);
    }
    out.println("\nslurm: " + todo.size() + " cells in " + batch.tasks().size() + " array task"
        + (batch.tasks().size() == 1 ? "" : "s") + " of " + batch.cellsPerTask() + " cell"
        + (batch.cellsPerTask() == 1 ? "" : "s") + ", " + batch.arrays().size() + " sbatch call"
        + (batch.arrays().size() == 1 ? "" : "s") + ":");
    for (BatchPlan.Script script : batch.arrays()) {
      out.println("\n--- " + script.file());
      out.print(script.text());
    }
  }
}
