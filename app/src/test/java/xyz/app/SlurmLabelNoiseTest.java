package xyz.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import xyz.cli.Main;
import xyz.ml.LabelNoiseCells;
import xyz.ml.LabelNoiseFindings;

/**
 * The demonstration study on the real Slurm cluster: every cell runs in {@code xyz worker} on
 * the node, and the results are those of the local run (the same cells, the same accuracies);
 * only the measured fit times differ. Without a cluster it fails, or is skipped when
 * XYZ_SLURM_OPTIONAL is set.
 */
class SlurmLabelNoiseTest {
  private static final Path STUDY = Path.of("..", "examples", "label-noise", "study.yaml");
  private static final Path SLURM = Path.of("target", "label-noise-slurm");
  /** The local run LabelNoiseStudyTest leaves (it runs first); else this test makes its own. */
  private static final Path LOCAL = Path.of("target", "label-noise");
  private static final Path OWN_LOCAL = Path.of("target", "label-noise-local");

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out + "" + err};
  }

  @Test
  void theStudyOnSlurmGivesTheResultsOfTheLocalRun() throws Exception {
    requireCluster();
    xyz.store.ResultsFolder.deleteTree(SLURM);
    long start = System.nanoTime();
    String[] slurm = run("run", STUDY.toString(), "--results", SLURM.toString(), "--executor",
        "slurm", "--cells-per-task", "90", "--wait", "--interval", "2s");
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.writeString(SLURM.resolve("test-run.txt"),
        String.format(java.util.Locale.ROOT, "wall %.1f s%n%s", seconds, slurm[1]));
    Path local = LOCAL;
    if (!Files.exists(LOCAL.resolve("cells.csv"))) {
      local = OWN_LOCAL;
      xyz.store.ResultsFolder.deleteTree(OWN_LOCAL);
      String[] r = run("run", STUDY.toString(), "--results", OWN_LOCAL.toString(), "--workers",
          "2", "--no-plot");
      assertThat(r[0]).as(r[1]).isEqualTo("0");
    }

    assertThat(slurm[0]).as(slurm[1]).isEqualTo("0");
    assertThat(slurm[1]).contains("as 6 array tasks (90 cells each)")
        .contains("label-noise ended: 540 done");
    assertThat(LabelNoiseFindings.violations(LabelNoiseCells.read(SLURM.resolve("cells.csv"))))
        .isEmpty();
    String cells = "SELECT cell_id, method, dataset, p, seed, train_acc, test_acc, state, attempt"
        + " FROM cells ORDER BY cell_id";
    String obs = "SELECT cell_id, seq, step, observable, value FROM observations"
        + " WHERE observable <> 'fit_seconds' ORDER BY cell_id, seq";
    assertThat(rows(SLURM, cells)).hasSize(540).isEqualTo(rows(local, cells));
    assertThat(rows(SLURM, obs)).hasSize(540 * 2).isEqualTo(rows(local, obs));
  }

  private static void requireCluster() throws Exception {
    String problem = null;
    try {
      Process p = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true)
          .redirectInput(new File("/dev/null")).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0
          || !out.matches("(?s).*\\b(idle|mixed|allocated)\\b.*")) {
        problem = "sinfo: " + out.strip();
      }
    } catch (java.io.IOException e) {
      problem = "sinfo is not on the PATH";
    }
    if (problem == null) {
      return;
    }
    String why = "no Slurm cluster answers (" + problem + "); start one with `sudo "
        + "scripts/slurm-cluster.sh up`";
    String optional = System.getenv("XYZ_SLURM_OPTIONAL");
    if (optional != null && !optional.isBlank()) {
      Assumptions.abort(why + "; skipped because XYZ_SLURM_OPTIONAL is set");
    }
    Assertions.fail(why + ", or set XYZ_SLURM_OPTIONAL=1 to skip the Slurm tests");
  }

  private static List<List<Object>> rows(Path results, String sql) throws Exception {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(
            "jdbc:duckdb:" + results.resolve("results.duckdb"), ro);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(r.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
