package xyz.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.study.Study;

/** {@code xyz run}: runs the cells that are not done, then collects and draws the figures. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a study's cells that have not ended yet, on this machine or on Slurm, then collect "
          + "the results and draw the study's figures. Cells already done are skipped.",
      "With the Slurm executor the cells are submitted as job arrays and the command returns "
          + "with the job ids (or follows them with --wait); cells done or still queued are "
          + "never submitted again."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Cells run at once (default: the study's executor.workers, else the cores).")
  Integer workers;

  @Option(
      names = "--rerun",
      paramLabel = "WHICH",
      description = "Also run again: `failed` (failed and timed-out cells) or `all`.")
  String rerun;

  @Option(names = "--no-collect", description = "Do not collect or plot after the run.")
  boolean noCollect;

  @Option(names = "--no-plot", description = "Collect after the run, but draw no figure.")
  boolean noPlot;

  @Mixin SlurmOptions executor;

  @Option(
      names = "--wait",
      description = "On Slurm: follow the submitted cells to their end, then collect and plot.")
  boolean await;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "On Slurm with --wait: time between two looks at the queue (default: "
          + "${DEFAULT-VALUE}).")
  String interval;

  @Override
  public Integer call() throws Exception {
    if (workers != null && workers < 1) {
      throw new UserError(
          "--workers: " + workers + " is not a worker count\n  fix: give 1 or more, such as "
              + "--workers " + Runtime.getRuntime().availableProcessors());
    }
    Rerun which = rerun == null ? Rerun.NONE
        : Rerun.valueOf(Choices.check("--rerun", rerun, List.of("failed", "all"))
            .toUpperCase(Locale.ROOT));
    Study s = study.load();
    if (executor.slurm(s)) {
      return new SlurmRun(s, spec.commandLine().getOut(), spec.commandLine().getErr(),
          System.console() != null)
          .run(executor.spec(s), which, await, StatusCommand.interval(interval), !noCollect,
              !noPlot);
    }
    CommandLine cli = spec.commandLine();
    StudyRun run = new StudyRun(s, cli.getParseResult().originalArgs(), cli.getOut(),
        cli.getErr(), System.console() != null);
    return run.run(workers, which, !noCollect, !noPlot);
  }
}
