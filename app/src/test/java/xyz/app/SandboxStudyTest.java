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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xyz.cli.Main;
import xyz.ml.collapse.CollapseMeasures;
import xyz.ml.collapse.SandboxFindings;

/**
 * The neural-collapse sandbox study, run as its README line runs it, then the authors' result
 * checked on every collected cell. The results stay in {@code target/nc-sandbox/} for a look.
 */
class SandboxStudyTest {
  private static final Path STUDY = Path.of("..", "examples", "neural-collapse", "sandbox.yaml");
  private static final Path RESULTS = Path.of("target", "nc-sandbox");
  private static final int CELLS = 2 * 2 * 2 * 3;

  private static int code;
  private static String output;

  @BeforeAll
  static void runTheStudy() throws Exception {
    xyz.store.ResultsFolder.deleteTree(RESULTS);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    code = Main.execute(new String[] {"run", STUDY.toString(), "--results", RESULTS.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    double seconds = (System.nanoTime() - start) / 1e9;
    output = out + "" + err;
    Files.writeString(RESULTS.resolve("test-run.txt"),
        String.format(java.util.Locale.ROOT, "wall %.1f s%n%s", seconds, output));
  }

  @Test
  void everyCellIsDoneAndEveryFigureDrawn() throws Exception {
    assertThat(code).as(output).isZero();
    assertThat(output).contains(CELLS + " done");
    for (String figure : List.of("nc1", "cv_means", "cv_classifier", "cos_std_means",
        "max_angle_means", "self_duality", "ncc_mismatch", "loss")) {
      var png = ImageIO.read(RESULTS.resolve("figures/" + figure + ".png").toFile());
      assertThat(png.getWidth()).as(figure).isGreaterThan(400);
    }
  }

  @Test
  void everyCellShowsCollapse() throws Exception {
    Map<String, Map<String, NavigableMap<Long, Double>>> cells = new LinkedHashMap<>();
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection(
            "jdbc:duckdb:" + RESULTS.resolve("results.duckdb"), ro);
        Statement s = c.createStatement()) {
      ResultSet r = s.executeQuery("SELECT cell_id, observable, step, value FROM observations"
          + " ORDER BY cell_id, seq");
      while (r.next()) {
        cells.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
            .computeIfAbsent(r.getString(2), k -> new TreeMap<>())
            .put(r.getLong(3), r.getDouble(4));
      }
    }

    assertThat(cells).hasSize(CELLS);
    List<String> violations = new ArrayList<>();
    cells.forEach((cell, series) -> {
      assertThat(series.keySet()).containsAll(CollapseMeasures.ALL_MEASURES);
      violations.addAll(SandboxFindings.violations(cell, series));
    });
    assertThat(violations).isEmpty();
  }
}
