package xyz.run.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.study.ExperimentSpec;
import xyz.study.SlurmSpec;
import xyz.study.Study;
import xyz.study.TestStudies;

/** Packing cells into array tasks, splitting arrays, and the batch script's lines. */
class BatchPlanTest {
  private static final Path DIR = Path.of("/shared/results/slurm/001");

  private static List<Cell> cells(int n) {
    List<Cell> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Cell(String.format("c%016x", i), i, Map.of("k", (long) i)));
    }
    return out;
  }

  private static SlurmSpec spec(Integer perTask, Duration target, Integer throttle) {
    return new SlurmSpec("gpu", null, "4G", 2, "gpu:1", "lab", "high", List.of("--exclusive"),
        perTask, target, throttle);
  }

  private static CellStatus done(double seconds) {
    Instant t = Instant.parse("2026-12-03T10:00:00Z");
    return new CellStatus("c", CellState.DONE, 0, null, 1, t,
        t.plusMillis((long) (seconds * 1000)), "n1", null);
  }

  @Test
  void cellsArePackedInPlanOrderAndArraysSplitAtTheClusterLimit() {
    Study study = TestStudies.parse("experiment: {command: [\"true\"], timeout: 1m}\n");

    BatchPlan plan = BatchPlan.of(study, spec(4, null, 7), cells(10_001), List.of(), 1001, DIR);

    assertThat(plan.cellsPerTask()).isEqualTo(4);
    assertThat(plan.tasks()).hasSize(2501);
    assertThat(plan.tasks().get(0)).containsExactly("c0000000000000000", "c0000000000000001",
        "c0000000000000002", "c0000000000000003");
    assertThat(plan.tasks().get(2500)).containsExactly("c0000000000002710");
    assertThat(plan.arrays()).extracting(BatchPlan.Script::offset, BatchPlan.Script::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1001),
            org.assertj.core.groups.Tuple.tuple(1001, 1001),
            org.assertj.core.groups.Tuple.tuple(2002, 499));
    String last = plan.arrays().get(2).text();
    assertThat(last.lines()).contains("#SBATCH --array=0-498%7", "#SBATCH --partition=gpu",
        "#SBATCH --mem=4G", "#SBATCH --cpus-per-task=2", "#SBATCH --gres=gpu:1",
        "#SBATCH --account=lab", "#SBATCH --qos=high", "#SBATCH --exclusive",
        "#SBATCH --output=/shared/results/slurm/001/logs/%A_%a.out",
        // 4 cells at a 1-minute timeout, plus the JVM's start.
        "#SBATCH --time=0-00:09:00");
    assertThat(last.lines().filter(l -> l.startsWith("exec ")).findFirst().orElseThrow())
        .startsWith("exec " + Path.of(System.getProperty("java.home"), "bin", "java"))
        .contains(" xyz.cli.Main worker ").endsWith(" --submission " + DIR + " --offset 2002");
  }

  @Test
  void aTargetTimeIsFilledWithCellsOfTheMedianDurationOfThoseDone() {
    ExperimentSpec noTimeout = TestStudies.parse("experiment: {command: [\"true\"]}\n")
        .experiment();

    assertThat(BatchPlan.cellsPerTask(spec(null, Duration.ofMinutes(10), null), noTimeout,
        List.of(done(20), done(30), done(9000)))).isEqualTo(20);
    assertThat(BatchPlan.cellsPerTask(spec(null, Duration.ofMinutes(10), null), noTimeout,
        List.of())).isEqualTo(1);
  }

  @Test
  void withoutDurationsATargetTimeIsFilledWithCellsAtTheirTimeout() {
    ExperimentSpec timeout = TestStudies.parse("experiment: {command: [\"true\"], timeout: 2m}\n")
        .experiment();

    assertThat(BatchPlan.cellsPerTask(spec(null, Duration.ofHours(1), null), timeout, List.of()))
        .isEqualTo(30);
  }

  @Test
  void slurmTimesAreWholeMinutesRoundedUp() {
    assertThat(BatchPlan.slurmTime(Duration.ofSeconds(90))).isEqualTo("0-00:02:00");
    assertThat(BatchPlan.slurmTime(Duration.ofHours(25).plusMinutes(3)))
        .isEqualTo("1-01:03:00");
  }

  @Test
  void taskIdsOfSqueueAndSacctAreParsed() {
    assertThat(TaskId.parse("12_3")).containsExactly(new TaskId("12", 3));
    assertThat(TaskId.parse("12_[2-4,7%2]")).containsExactly(new TaskId("12", 2),
        new TaskId("12", 3), new TaskId("12", 4), new TaskId("12", 7));
    assertThat(TaskId.parse("12")).isEmpty();
    assertThat(TaskId.jobOf("12_[2-4]")).isEqualTo("12");
    assertThat(SlurmState.normalise("CANCELLED by 0")).isEqualTo("cancelled");
  }
}
