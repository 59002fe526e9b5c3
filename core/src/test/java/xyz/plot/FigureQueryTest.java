package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.FigureSpec;
import xyz.study.Study;

/** Reads figures from real databases and checks the numbers each line is drawn from. */
class FigureQueryTest {
  @TempDir
  Path dir;

  private final List<String> notes = new ArrayList<>();

  /** Loads and averages a figure the way FacetGrid does, returning curves by series. */
  private Loaded load(Study study, ResultsFixture fixture, FigureSpec spec) throws Exception {
    Path file = fixture.write(dir.resolve("r" + System.nanoTime() + ".duckdb"));
    try (Results results = Results.open(file, "f")) {
      Placement placement = FigureCheck.check(study, spec,
          results.recordedObservables(java.util.Set.copyOf(study.axisNames())));
      FigureQuery.Loaded loaded = FigureQuery.load(results, placement, notes::add);
      return new Loaded(loaded.frame(), Aggregate.curves(loaded.samples(), spec.band()));
    }
  }

  private record Loaded(Frame frame, Curve[] curves) {
    Curve at(int row, int col, int color, int y) {
      return curves[frame.series(row, col, color, y)];
    }
  }

  @Test
  void finalValuesAreAveragedOverSeedsAtEachNumericLevel() throws Exception {
    Study study = Studies.study("s", List.of(
        Studies.axis("method", AxisRole.METHOD, "a", "b"),
        Studies.axis("p", AxisRole.CONTROL, 0.0, 0.1 * 3, 1.0),
        Studies.seeds("seed", 1L, 2L, 3L)), List.of("acc"));
    ResultsFixture fixture = new ResultsFixture(study);
    double[][] acc = {{0.9, 0.8, 1.0}, {0.5, 0.6, 0.7}, {0.1, 0.2, 0.6}};
    for (int p = 0; p < 3; p++) {
      for (int s = 0; s < 3; s++) {
        fixture.cell("method", "a", "p", study.axes().get(1).levels().get(p), "seed", s + 1L)
            .last("acc", acc[p][s]);
        fixture.cell("method", "b", "p", study.axes().get(1).levels().get(p), "seed", s + 1L)
            .last("acc", 2 * acc[p][s]);
      }
    }
    Loaded loaded = load(study, fixture, Studies.figure("f").color("method").x("p").y("acc")
        .band("sd").build());

    assertThat(loaded.frame().colorLabels()).containsExactly("a", "b");
    Curve a = loaded.at(0, 0, 0, 0);
    assertThat(a.x()).containsExactly(0.0, 0.1 * 3, 1.0);
    assertThat(a.mean()).containsExactly(new double[] {0.9, 0.6, 0.3}, within(1e-12));
    assertThat(a.upper()[0] - a.mean()[0]).isCloseTo(0.1, within(1e-12));
    Curve b = loaded.at(0, 0, 1, 0);
    assertThat(b.mean()).containsExactly(new double[] {1.8, 1.2, 0.6}, within(1e-12));
    assertThat(notes).containsExactly("averaged over: seed");
  }

  @Test
  void seriesAreAveragedPerStepAndNullStepsAndValuesSkipped() throws Exception {
    Study study = Studies.study("s", List.of(Studies.seeds("seed", 1L, 2L)), List.of("loss"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("seed", 1L).series("loss", 4, 2, 1).at(null, "loss", 0.5)
        .at(4L, "loss", Double.NaN);
    fixture.cell("seed", 2L).series("loss", 6, 4);
    Loaded loaded = load(study, fixture, Studies.figure("f").y("loss").band("none").build());

    Curve curve = loaded.at(0, 0, 0, 0);
    assertThat(curve.x()).containsExactly(1, 2, 3);
    assertThat(curve.mean()).containsExactly(5, 3, 1);
  }

  @Test
  void averagesOverAnyAxisNotPlaced() throws Exception {
    Study study = Studies.study("s", List.of(
        Studies.axis("method", AxisRole.METHOD, "a"),
        Studies.axis("k", AxisRole.CONTROL, 1L, 2L)), List.of("acc"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "a", "k", 1L).last("acc", 0.2);
    fixture.cell("method", "a", "k", 2L).last("acc", 0.4);
    Loaded loaded = load(study, fixture, Studies.figure("f").x("method").y("acc").build());
    assertThat(loaded.frame().xLabels()).containsExactly("a");
    assertThat(loaded.at(0, 0, 0, 0).mean()).containsExactly(new double[] {0.3},
        within(1e-12));
    assertThat(notes).containsExactly("averaged over: k");
  }

  @Test
  void matchesLevelsOfEveryColumnType() throws Exception {
    Study study = Studies.study("s", List.of(
        Studies.axis("mixed", AxisRole.CONTROL, 1L, "auto"),
        Studies.axis("flag", AxisRole.CONTROL, true, false),
        Studies.axis("rate", AxisRole.CONTROL, 0.1 * 0.1 * 0.1, 0.1)), List.of("acc"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("mixed", "auto", "flag", false, "rate", 0.1 * 0.1 * 0.1).last("acc", 7);
    fixture.cell("mixed", 1L, "flag", true, "rate", 0.1).last("acc", 3);
    assertThat(ResultsFixture.type(study.axes().get(0))).isEqualTo("VARCHAR");
    Loaded loaded = load(study, fixture, Studies.figure("f").rows("mixed").cols("flag")
        .x("rate").y("acc").build());

    assertThat(loaded.frame().rowLabels()).containsExactly("1", "auto");
    assertThat(loaded.frame().colLabels()).containsExactly("true", "false");
    assertThat(loaded.at(1, 1, 0, 0).mean()).containsExactly(7);
    assertThat(loaded.at(1, 1, 0, 0).x()).containsExactly(0.1 * 0.1 * 0.1);
    assertThat(loaded.at(0, 0, 0, 0).mean()).containsExactly(3);
    assertThat(loaded.at(0, 1, 0, 0)).isNull();
  }

  @Test
  void cellsOfLevelsTheStudyDroppedAreLeftOutAndCounted() throws Exception {
    Study before = Studies.study("s", List.of(
        Studies.axis("method", AxisRole.METHOD, "a", "old"),
        Studies.seeds("seed", 1L, 2L)), List.of("acc"));
    ResultsFixture fixture = new ResultsFixture(before);
    fixture.cell("method", "a", "seed", 1L).last("acc", 0.5);
    fixture.cell("method", "old", "seed", 1L).last("acc", 0.9);
    fixture.cell("method", "a", "seed", 2L).last("acc", 0.7);
    Study now = Studies.study("s", List.of(
        Studies.axis("method", AxisRole.METHOD, "a"),
        Studies.seeds("seed", 1L),
        Studies.axis("k", AxisRole.CONTROL, 1L, 2L)), List.of("acc"));
    Loaded loaded = load(now, fixture, Studies.figure("f").x("method").y("acc").build());
    assertThat(loaded.at(0, 0, 0, 0).mean()).containsExactly(0.5);
    assertThat(notes).containsExactly(
        "the results have no column for k: they were collected before the study had it",
        "left out 2 cells whose levels the study no longer declares");
  }

  @Test
  void logXLeavesOutStepZero() throws Exception {
    Study study = Studies.study("s", List.of(Studies.axis("m", AxisRole.METHOD, "a")),
        List.of("loss"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("m", "a").at(0L, "loss", 1).at(10L, "loss", 0.5).at(100L, "loss", 0.2);
    Loaded loaded = load(study, fixture, Studies.figure("f").y("loss").logX().build());
    assertThat(loaded.at(0, 0, 0, 0).x()).containsExactly(10, 100);
    assertThat(notes).containsExactly("log_x: left out 1 value at x <= 0");
    Curve[] moved = LogSpace.apply(new Curve[] {loaded.at(0, 0, 0, 0)}, true, true);
    assertThat(moved[0].x()).containsExactly(1, 2);
    assertThat(Arrays.stream(moved[0].mean()).boxed().toList())
        .containsExactly(Math.log10(0.5), Math.log10(0.2));
  }

  @Test
  void aMethodControlOnRowsGetsAnNaRow() throws Exception {
    Study study = Studies.study("s", List.of(
        Studies.axis("method", AxisRole.METHOD, "tree", "svm"),
        new Axis("depth", AxisRole.CONTROL, List.of(2L, 8L), false, List.of("tree"))),
        List.of("acc"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "tree", "depth", 8L).last("acc", 0.8);
    fixture.cell("method", "svm").last("acc", 0.6);
    Loaded loaded = load(study, fixture, Studies.figure("f").rows("depth").x("method")
        .y("acc").build());
    assertThat(loaded.frame().rowLabels()).containsExactly("2", "8", "n/a");
    assertThat(loaded.at(2, 0, 0, 0).mean()).containsExactly(0.6);
    assertThat(loaded.at(2, 0, 0, 0).x()).containsExactly(1);
  }
}
