package xyz.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xyz.cli.Main;
import xyz.ml.LabelNoiseCells;
import xyz.ml.LabelNoiseFindings;

/**
 * The demonstration study, run as the README runs it: every cell through the command line, then
 * Zhang et al.'s result checked on the collected {@code cells.csv}. The results stay in
 * {@code target/label-noise/} for a look.
 */
class LabelNoiseStudyTest {
  private static final Path STUDY = Path.of("..", "examples", "label-noise", "study.yaml");
  private static final Path RESULTS = Path.of("target", "label-noise");

  private static String firstOut;
  private static int firstCode;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @BeforeAll
  static void runTheStudy() throws Exception {
    xyz.store.ResultsFolder.deleteTree(RESULTS);
    long start = System.nanoTime();
    String[] r = run("run", STUDY.toString(), "--results", RESULTS.toString(), "--workers", "2");
    double seconds = (System.nanoTime() - start) / 1e9;
    firstCode = Integer.parseInt(r[0]);
    firstOut = r[1] + r[2];
    Files.writeString(RESULTS.resolve("test-run.txt"),
        String.format(java.util.Locale.ROOT, "wall %.1f s%n%s", seconds, firstOut));
  }

  @Test
  void everyCellIsDoneAndTheFilesAreThere() throws Exception {
    assertThat(firstCode).as(firstOut).isZero();
    assertThat(firstOut).contains("running 540 of 540 cells").contains("540 done");
    for (String f : List.of("results.duckdb", "cells.csv", "observations.csv", "plan.json")) {
      assertThat(RESULTS.resolve(f)).as(f).isNotEmptyFile();
    }
    var png = ImageIO.read(RESULTS.resolve("figures/accuracy.png").toFile());
    assertThat(png.getWidth()).isGreaterThan(800);
    assertThat(Files.readString(RESULTS.resolve("figures/accuracy.svg"))).contains("<svg")
        .contains("breast_cancer").contains("knn1");
  }

  @Test
  void theCollectedCellsShowZhangEtAlsResult() throws Exception {
    List<LabelNoiseFindings.Row> rows = LabelNoiseCells.read(RESULTS.resolve("cells.csv"));

    assertThat(rows).hasSize(540);
    assertThat(LabelNoiseFindings.violations(rows)).isEmpty();
  }

  @Test
  void theDatabaseHoldsOneRowPerCellAndThreeObservationsEach() throws Exception {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection(
            "jdbc:duckdb:" + RESULTS.resolve("results.duckdb"), ro);
        Statement s = c.createStatement()) {
      ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM cells");
      r.next();
      assertThat(r.getInt(1)).isEqualTo(540);
      assertThat(r.getInt(2)).isEqualTo(540);
      r = s.executeQuery("SELECT count(*) FROM observations");
      r.next();
      assertThat(r.getInt(1)).isEqualTo(540 * 3);
    }
  }

  @Test
  void runningItAgainDoesNoWorkAndSaysSo() {
    String[] again = run("run", STUDY.toString(), "--results", RESULTS.toString());

    assertThat(again[0]).isEqualTo("0");
    assertThat(again[1]).isEqualTo(
        "xyz: all 540 cells of label-noise have ended; nothing to run\n"
            + "xyz: results and figures are up to date in " + RESULTS + "\n");
  }
}
