package xyz.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xyz.UserError;
import xyz.run.slurm.SlurmCommands;
import xyz.run.slurm.SlurmExecutor;
import xyz.run.slurm.Submission;
import xyz.study.Study;

/** {@code xyz cancel}: cancels the study's Slurm jobs that are still queued or running. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = "Cancel a study's Slurm jobs that are still pending or running, in one scancel "
        + "call. Cells that ended stay; `xyz run` submits the rest again.")
final class CancelCommand implements Callable<Integer> {
  @Mixin StudyOptions study;
  @Mixin DebugOption debug;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Study s = study.load();
    if (Submission.readAll(s.resultsDir()).isEmpty()) {
      throw new UserError(s.resultsDir() + ": the study was never sent to Slurm, so there is "
          + "nothing to cancel\n  fix: `xyz run " + StudyOptions.target(s)
          + " --executor slurm` submits it");
    }
    List<String> ids = new SlurmExecutor(new SlurmCommands()).cancel(s.resultsDir());
    PrintWriter out = spec.commandLine().getOut();
    if (ids.isEmpty()) {
      out.println("xyz: no job of " + s.name() + " is queued; nothing to cancel");
    } else {
      out.println("xyz: cancelled Slurm job" + (ids.size() == 1 ? " " : "s ")
          + String.join(", ", ids) + " of " + s.name() + "; `xyz status "
          + StudyOptions.target(s) + "` shows what ended");
    }
    out.flush();
    return 0;
  }
}
