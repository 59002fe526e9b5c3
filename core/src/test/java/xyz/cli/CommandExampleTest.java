package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python example study, run end to end through the command line. */
class CommandExampleTest {
  private static final Path STUDY = Path.of("..", "examples", "command", "study.yaml");

  @TempDir Path tmp;

  @Test
  void thePythonStudyRunsCollectsAndShowsMomentumBeatingSgd() throws Exception {
    Path results = tmp.resolve("results");

    Cli run = Cli.run("run", STUDY.toString(), "--results", results.toString(), "--workers", "2");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.out).contains("ran 54 cells").contains("54 done")
        .contains("xyz: figure loss: left out 6 values that are not a finite number (nan or inf,"
            + " as a run that diverged reports)");
    assertThat(results.resolve("figures/loss.png")).exists();
    assertThat(results.resolve("figures/loss.svg")).exists();
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection(
            "jdbc:duckdb:" + results.resolve("results.duckdb"), ro);
        Statement s = c.createStatement()) {
      // Every cell that did not diverge reports the loss at step 1 and every 5th step to 200.
      ResultSet steps = s.executeQuery(
          "SELECT count(*), min(n), max(n) FROM (SELECT cell_id, count(*) AS n FROM observations"
              + " WHERE observable = 'loss' GROUP BY cell_id) t");
      steps.next();
      assertThat(steps.getInt(1)).isEqualTo(54);
      assertThat(steps.getInt(3)).isEqualTo(41);
      // Heavy-ball momentum beats plain SGD on the ill-conditioned bowl at every learning rate.
      ResultSet wins = s.executeQuery(
          "SELECT lr, avg(final_loss) FILTER (method = 'momentum'),"
              + " avg(final_loss) FILTER (method = 'sgd') FROM cells"
              + " WHERE dataset = 'quadratic' GROUP BY lr ORDER BY lr");
      int levels = 0;
      while (wins.next()) {
        levels++;
        assertThat(wins.getDouble(2)).as("lr %s", wins.getDouble(1)).isLessThan(wins.getDouble(3));
      }
      assertThat(levels).isEqualTo(3);
    }
  }
}
