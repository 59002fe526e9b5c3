package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.FigureSpec;
import xyz.study.Study;

class FacetGridTest {
  /** Okabe-Ito blue, orange and bluish green, as SVG writes them. */
  private static final String BLUE = "rgb(0,114,178)";
  private static final String ORANGE = "rgb(230,159,0)";
  private static final String GREEN = "rgb(0,158,115)";
  /** 0.1 cubed: a level whose plain double text is 0.0010000000000000002. */
  private static final double MILLI = 0.1 * 0.1 * 0.1;

  @TempDir
  Path dir;

  static Study study() {
    return Studies.study("sweep", List.of(
        Studies.axis("method", AxisRole.METHOD, "tree", "svm", "knn"),
        Studies.axis("dataset", AxisRole.DATASET, "iris", "wine"),
        Studies.axis("lr", AxisRole.CONTROL, MILLI, 0.01, 0.1),
        Studies.seeds("seed", 1L, 2L)), List.of("loss", "acc"));
  }

  /** Every cell done, a five-step loss series and a final accuracy. */
  static ResultsFixture full(Study study) {
    ResultsFixture fixture = new ResultsFixture(study);
    int i = 0;
    for (Object m : study.axis("method").orElseThrow().levels()) {
      for (Object d : study.axis("dataset").orElseThrow().levels()) {
        for (Object lr : study.axis("lr").orElseThrow().levels()) {
          for (long seed = 1; seed <= 2; seed++) {
            double base = 1 + i++ % 5 * 0.1;
            fixture.cell("method", m, "dataset", d, "lr", lr, "seed", seed)
                .series("loss", base, base * 0.7, base * 0.5, base * 0.4, base * 0.35)
                .last("acc", 0.5 + 0.1 * seed);
          }
        }
      }
    }
    return fixture;
  }

  private Path database(ResultsFixture fixture) throws Exception {
    return fixture.write(dir.resolve("results-" + System.nanoTime() + ".duckdb"));
  }

  private static Studies.Figure grid() {
    return Studies.figure("loss").rows("method").cols("dataset").color("lr").x("step")
        .y("loss");
  }

  @Test
  void svgHasStripsAndLegendInDeclarationOrderAndOnePathPerLine() throws Exception {
    Study study = study();
    List<Path> files = FacetGrid.draw(study, database(full(study)),
        grid().band("none").formats("svg").build(), dir.resolve("figures"));

    assertThat(files).containsExactly(dir.resolve("figures").resolve("loss.svg"));
    Svg svg = new Svg(files.get(0));
    List<String> texts = svg.texts();
    assertThat(texts).containsSubsequence("sweep \u2014 loss", "dataset", "iris", "wine",
        "method", "tree", "svm", "knn", "step", "loss", "lr", "0.001", "0.01", "0.1");
    assertThat(texts).noneMatch(t -> t.contains("0.0010000000000000002"));
    // One path per line: 3 x 2 panels, each with one line per learning rate, of 5 steps.
    for (String colour : List.of(BLUE, ORANGE, GREEN)) {
      List<Svg.Item> lines = svg.lines(colour);
      assertThat(lines).hasSize(6).allMatch(line -> Svg.points(line) == 5);
    }
    assertThat(svg.items).filteredOn(i -> i.tag().equals("line") && i.get("stroke").equals(BLUE))
        .hasSize(1);
    String xml = Files.readString(files.get(0));
    assertThat(xml).doesNotContain("Dialog").contains("font-family:'" + Theme.FAMILY + "'");
    assertThat(svg.document.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 ");
  }

  @Test
  void bandsAreDrawnUnderTheirLines() throws Exception {
    Study study = study();
    Path file = FacetGrid.draw(study, database(full(study)),
        grid().band("ci95").formats("svg").build(), dir).get(0);
    Svg svg = new Svg(file);
    assertThat(svg.bands(BLUE)).hasSize(6);
    assertThat(svg.lines(BLUE)).hasSize(6);
    int firstBand = svg.items.indexOf(svg.bands(BLUE).get(0));
    int firstLine = svg.items.indexOf(svg.lines(BLUE).get(0));
    assertThat(firstBand).isLessThan(firstLine);
    assertThat(svg.texts()).contains("Lines: mean over seed (2); band: 95% bootstrap interval"
        + " of the mean.");
  }

  @Test
  void pngDecodesAndGrowsByOnePanelPerLevel() throws Exception {
    Study study = study();
    Path database = database(full(study));
    BufferedImage all = png(study, database, grid().build());
    BufferedImage oneColumn = png(study, database, grid().filter("dataset", "wine").build());
    BufferedImage twoRows = png(study, database, grid().filter("method", "knn", "tree")
        .build());

    assertThat(all.getWidth() - oneColumn.getWidth())
        .isEqualTo(Theme.PANEL_WIDTH + Theme.PANEL_GAP);
    assertThat(all.getHeight()).isEqualTo(oneColumn.getHeight());
    assertThat(all.getHeight() - twoRows.getHeight())
        .isEqualTo(Theme.PANEL_HEIGHT + Theme.PANEL_GAP);
    assertThat(all.getWidth()).isEqualTo(twoRows.getWidth());
    // The lines are there, in the palette's colours.
    assertThat(count(all, 0x0072B2)).isGreaterThan(300);
    assertThat(count(all, 0xE69F00)).isGreaterThan(300);
  }

  private BufferedImage png(Study study, Path database, FigureSpec spec) throws Exception {
    Path out = dir.resolve("png-" + System.nanoTime());
    List<Path> files = FacetGrid.draw(study, database, spec, out);
    assertThat(files).containsExactly(out.resolve(spec.name() + ".png"));
    assertThat(out).isDirectoryNotContaining("glob:**.partial");
    return ImageIO.read(files.get(0).toFile());
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void filterKeepsOnlyTheListedLevelsInDeclarationOrder() throws Exception {
    Study study = study();
    Path file = FacetGrid.draw(study, database(full(study)), grid().band("none")
        .filter("method", "knn", "tree").filter("lr", "0.01").formats("svg").build(), dir)
        .get(0);
    Svg svg = new Svg(file);
    assertThat(svg.texts()).doesNotContain("svm", "0.001", "0.1")
        .containsSubsequence("tree", "knn", "lr", "0.01");
    // The one rate shown gets the first colour.
    assertThat(svg.lines(BLUE)).hasSize(4);
    assertThat(svg.lines(ORANGE)).isEmpty();
  }

  @Test
  void notesSayWhatWasAveragedAndLeftOut() throws Exception {
    Study study = study();
    ResultsFixture fixture = full(study);
    fixture.cell("method", "tree", "dataset", "iris", "lr", 0.01, "seed", 3L)
        .series("loss", 9, 9);
    fixture.cell("method", "tree", "dataset", "iris", "lr", 0.01, "seed", 1L).state("failed");
    fixture.cell("method", "svm", "dataset", "iris", "lr", 0.01, "seed", 1L).state("timeout");
    List<String> notes = new ArrayList<>();
    FacetGrid.draw(study, database(fixture), grid().build(), dir, notes::add);
    assertThat(notes).containsExactly(
        "left out 2 cells that did not end done (1 failed, 1 timeout)",
        "left out 1 cell whose levels the study no longer declares",
        "averaged over: seed");
  }

  @Test
  void severalObservablesWithoutColourAreColouredByObservable() throws Exception {
    Study study = study();
    Path file = FacetGrid.draw(study, database(full(study)), Studies.figure("both")
        .cols("dataset").x("lr").y("loss", "acc").band("none").formats("svg").build(), dir)
        .get(0);
    Svg svg = new Svg(file);
    assertThat(svg.texts()).containsSubsequence("iris", "wine", "lr", "loss, acc", "loss",
        "acc");
    // Two panels, one line per observable, one point per learning rate: solid loss in blue,
    // dashed acc in orange, each point marked.
    assertThat(svg.lines(BLUE)).hasSize(2).allMatch(l -> Svg.points(l) == 3)
        .allMatch(l -> l.get("stroke-dasharray").equals("none"));
    assertThat(svg.lines(ORANGE)).hasSize(2)
        .allMatch(l -> !l.get("stroke-dasharray").equals("none"));
    assertThat(svg.items).filteredOn(i -> i.tag().equals("path") && i.get("fill").equals(BLUE))
        .hasSize(2 * 3);
  }

  @Test
  void aControlOfOneMethodGivesOtherMethodsAnNaLine() throws Exception {
    Study study = Studies.study("depths", List.of(
        Studies.axis("method", AxisRole.METHOD, "tree", "svm"),
        new Axis("depth", AxisRole.CONTROL, List.of(2L, 8L), false, List.of("tree"))),
        List.of("acc"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "tree", "depth", 2L).series("acc", 0.5, 0.6);
    fixture.cell("method", "tree", "depth", 8L).series("acc", 0.6, 0.8);
    fixture.cell("method", "svm").series("acc", 0.7, 0.7);
    Path file = FacetGrid.draw(study, database(fixture), Studies.figure("depth")
        .cols("method").color("depth").y("acc").formats("svg").build(), dir).get(0);
    Svg svg = new Svg(file);
    assertThat(svg.texts()).containsSubsequence("tree", "svm", "depth", "2", "8", "n/a")
        .doesNotContain("no data");
    // The n/a level is the third: it has the third colour.
    assertThat(svg.lines(GREEN)).hasSize(1);
  }

  @Test
  void textAxisOnXIsDrawnAsCategoriesWithMarkers() throws Exception {
    Study study = study();
    Path file = FacetGrid.draw(study, database(full(study)), Studies.figure("acc")
        .x("method").y("acc").color("dataset").formats("svg").build(), dir).get(0);
    Svg svg = new Svg(file);
    assertThat(svg.texts()).containsSubsequence("method", "acc", "tree", "svm", "knn");
    // Seeds 1 and 2 end at 0.6 and 0.7: every method averages 0.65, a flat line.
    List<Svg.Item> lines = svg.lines(BLUE);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).d()).matches("M(\\S+) (\\S+) L\\S+ \\2 L\\S+ \\2");
    // A narrow figure wraps its caption.
    assertThat(String.join(" ", svg.texts())).contains("Lines: mean over lr (3), seed (2);"
        + " band: \u00b11 standard deviation.");
  }

  @Test
  void aPanelWithoutCellsSaysSo() throws Exception {
    Study study = study();
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "tree", "dataset", "iris", "lr", 0.01, "seed", 1L).series("loss", 1);
    Path file = FacetGrid.draw(study, database(fixture), grid().formats("svg").build(), dir)
        .get(0);
    assertThat(new Svg(file).texts()).filteredOn("no data"::equals).hasSize(5);
  }

  @Test
  void logYLeavesOutValuesAtOrBelowZero() throws Exception {
    Study study = Studies.study("log", List.of(Studies.axis("method", AxisRole.METHOD, "a")),
        List.of("loss"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "a").series("loss", 100, 10, 1, 0, 0.01);
    List<String> notes = new ArrayList<>();
    Path file = FacetGrid.draw(study, database(fixture), Studies.figure("log").y("loss")
        .logY().formats("svg").build(), dir, notes::add).get(0);
    assertThat(notes).containsExactly("log_y: left out 1 value <= 0");
    assertThat(new Svg(file).texts()).contains("0.01", "1", "100");
  }

  @Test
  void freeScalesMakeRoomForTickLabelsInEveryPanel() throws Exception {
    Study study = study();
    Path database = database(full(study));
    BufferedImage shared = png(study, database, grid().build());
    BufferedImage free = png(study, database, grid().scales("free").build());
    assertThat(free.getWidth()).isGreaterThan(shared.getWidth() + 10);
    assertThat(free.getHeight()).isGreaterThan(shared.getHeight() + 10);
  }

  @Test
  void panelsDrawnInParallelGiveTheSamePixels() throws Exception {
    Study study = study();
    Path database = database(full(study));
    FigureSpec spec = grid().band("ci95").build();
    Placement placement;
    FigureQuery.Loaded loaded;
    try (Results results = Results.open(database, "f")) {
      placement = FigureCheck.check(study, spec, List.of());
      loaded = FigureQuery.load(results, placement, note -> { });
    }
    Curve[] curves = Aggregate.present(Aggregate.curves(loaded.samples(), "ci95"));
    FigurePainter painter = new FigurePainter("t", placement, loaded.frame(), curves, null);
    BufferedImage parallel = new BufferedImage(painter.width(), painter.height(),
        BufferedImage.TYPE_INT_RGB);
    painter.paint(parallel, true);
    BufferedImage sequential = new BufferedImage(painter.width(), painter.height(),
        BufferedImage.TYPE_INT_RGB);
    painter.paint(sequential, false);
    int[] a = parallel.getRGB(0, 0, painter.width(), painter.height(), null, 0, painter.width());
    int[] b = sequential.getRGB(0, 0, painter.width(), painter.height(), null, 0,
        painter.width());
    assertThat(a).isEqualTo(b);
    assertThat(count(parallel, 0x0072B2)).isGreaterThan(100);
  }
}
