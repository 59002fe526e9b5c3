package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python example study on the real Slurm cluster: planned as scripts, submitted as arrays,
 * followed to its end, and the same cells and observation rows as a local run of it.
 */
class SlurmCommandExampleTest {
  private static final Path STUDY = Path.of("..", "examples", "command", "study.yaml");

  @TempDir Path tmp;

  @BeforeEach
  void cluster() {
    SlurmCluster.require();
  }

  @Test
  void planShowsTheScriptsThatRunWouldSubmit() {
    Cli plan = Cli.run("plan", STUDY.toString(), "--results", tmp.resolve("r").toString(),
        "--executor", "slurm", "--cells-per-task", "10", "--throttle", "3", "--mem", "2G");

    assertThat(plan.code).as(plan.toString()).isZero();
    assertThat(plan.out).contains("slurm: 54 cells in 6 array tasks of 10 cells, 1 sbatch call:")
        .contains("--- array-0.sbatch").contains("#SBATCH --array=0-5%3")
        .contains("#SBATCH --mem=2G").contains("#SBATCH --job-name=xyz-optimizers")
        // 10 cells at the study's 1-minute timeout, plus the JVM's start.
        .contains("#SBATCH --time=0-00:15:00")
        .contains(" xyz.cli.Main worker " + STUDY.toAbsolutePath());
    assertThat(tmp.resolve("r/slurm")).doesNotExist();
  }

  @Test
  void thePythonStudyOnSlurmGivesTheCellsAndRowsOfALocalRun() throws Exception {
    Path slurm = tmp.resolve("slurm");
    Path local = tmp.resolve("local");

    Cli run = Cli.run("run", STUDY.toString(), "--results", slurm.toString(), "--executor",
        "slurm", "--cells-per-task", "9", "--wait", "--interval", "1s");
    Cli reference = Cli.run("run", STUDY.toString(), "--results", local.toString(),
        "--executor", "local", "--workers", "2", "--no-plot");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out).contains("submitted 54 of 54 cells of optimizers to Slurm as 6 array "
        + "tasks (9 cells each)").contains("optimizers ended: 54 done");
    assertThat(reference.code).as(reference.toString()).isZero();
    assertThat(slurm.resolve("figures/loss.png")).exists();
    String cells = "SELECT cell_id, method, dataset, lr, seed, loss, final_loss, distance, state,"
        + " exit_code, attempt FROM cells ORDER BY cell_id";
    String obs = "SELECT * FROM observations ORDER BY cell_id, seq";
    assertThat(rows(slurm, cells)).hasSize(54).isEqualTo(rows(local, cells));
    List<List<Object>> observations = rows(slurm, obs);
    assertThat(observations).hasSizeGreaterThan(54 * 20).isEqualTo(rows(local, obs));
    assertThat(Files.list(slurm.resolve("slurm/001/logs")).count()).isEqualTo(6);
  }

  private static List<List<Object>> rows(Path results, String sql) throws Exception {
    return ResultsDb.rows(results, sql);
  }
}
