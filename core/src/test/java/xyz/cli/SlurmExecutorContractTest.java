package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;

/**
 * The executor contract, on the real Slurm cluster: every study goes through sbatch as job
 * arrays and its cells run in {@code xyz worker} on the node, two cells per array task.
 */
class SlurmExecutorContractTest extends ExecutorContract {

  @BeforeEach
  void cluster() {
    SlurmCluster.require();
  }

  @Override
  Cli runToEnd(Path study, String... flags) {
    List<String> args = new ArrayList<>(List.of("run", study.toString(), "--executor", "slurm",
        "--cells-per-task", "2", "--wait", "--interval", "1s", "--no-plot"));
    args.addAll(List.of(flags));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Submits one cell per task, then kills the running tasks with SIGKILL and cancels the rest. */
  @Override
  void startAndKill(Path study, Path cells, int ended) throws Exception {
    Cli submit = Cli.run("run", study.toString(), "--executor", "slurm", "--cells-per-task", "1",
        "--no-plot");
    assertThat(submit.code).as(submit.toString()).isZero();
    String job = new ObjectMapper().readTree(study.resolveSibling("results")
        .resolve("slurm/001/submission.json").toFile()).get("arrays").get(0).get("job_id")
        .asText();
    try {
      awaitCells(cells, ended);
    } finally {
      SlurmCluster.call("scancel", "--full", "--signal=KILL", job);
      SlurmCluster.call("scancel", job);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!SlurmCluster.call("squeue", "-h", "-j", job).isBlank()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    }
    // A task killed before its JVM could act is lost; one that got the cancel's SIGTERM first
    // marks its running cell interrupted. Either is run again, and pending tasks are lost.
    Cli status = Cli.run("status", study.toString());
    assertThat(status.out).as(status.toString()).contains("done          " + ended)
        .contains("pending       0").contains("running       0");
    int lost = count(status.out, "lost");
    assertThat(lost).as(status.toString()).isPositive();
    assertThat(lost + count(status.out, "interrupted")).isEqualTo(6 - ended);
  }

  private static int count(String statusOut, String kind) {
    Matcher m = Pattern.compile("(?m)^  " + kind + " +(\\d+)").matcher(statusOut);
    assertThat(m.find()).as(statusOut).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
