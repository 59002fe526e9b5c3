package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.UserError;
import xyz.study.AxisRole;
import xyz.study.FigureSpec;
import xyz.study.Study;

class FigureErrorsTest {
  @TempDir
  Path dir;

  private Study study;
  private Path database;

  @BeforeEach
  void results() throws Exception {
    study = Studies.study("sweep", List.of(
        Studies.axis("method", AxisRole.METHOD, "tree", "svm"),
        Studies.axis("dataset", AxisRole.DATASET, "iris", "wine"),
        Studies.seeds("seed", 1L, 2L)), List.of("test_acc"));
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "tree", "dataset", "iris", "seed", 1L).series("test_acc", 0.8, 0.9)
        .last("train_loss", 0.1);
    database = fixture.write(dir.resolve("results.duckdb"));
  }

  private void assertFails(FigureSpec spec, String message) {
    assertThatThrownBy(() -> FacetGrid.draw(study, database, spec, dir.resolve("out")))
        .isInstanceOf(UserError.class).hasMessage(message);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  private static Studies.Figure figure() {
    return Studies.figure("acc").y("test_acc");
  }

  @Test
  void unknownAxisNamesTheNearestAndAllAxes() {
    assertFails(figure().rows("methd").build(), "study.yaml: figure 'acc': rows: 'methd' is not"
        + " an axis of the study. Did you mean 'method'? The axes are: method, dataset, seed.");
  }

  @Test
  void unknownAxisWithNothingNear() {
    assertFails(figure().color("optimizer").build(), "study.yaml: figure 'acc': color:"
        + " 'optimizer' is not an axis of the study. The axes are: method, dataset, seed.");
  }

  @Test
  void unknownXOffersStep() {
    assertFails(figure().x("stpe").build(), "study.yaml: figure 'acc': x: 'stpe' is not an"
        + " axis of the study. Did you mean 'step'? X takes an axis or step: method, dataset,"
        + " seed, step.");
  }

  @Test
  void unknownObservableListsDeclaredAndRecordedOnes() {
    assertFails(figure().y("test_ac").build(), "study.yaml: figure 'acc': y: 'test_ac' is not"
        + " an observable of the study. Did you mean 'test_acc'? The observables are: test_acc,"
        + " train_loss.");
  }

  @Test
  void unknownFilterLevel() {
    assertFails(figure().filter("dataset", "iris", "wines").build(), "study.yaml: figure 'acc':"
        + " filter.dataset: 'wines' is not a level of dataset. Did you mean 'wine'? The levels"
        + " are: iris, wine.");
  }

  @Test
  void unknownBand() {
    assertFails(figure().band("ci").build(), "study.yaml: figure 'acc': band: 'ci' is not a"
        + " band. Did you mean 'ci95'? The choices are: none, sd, se, ci95.");
  }

  @Test
  void unknownScalesAndFormat() {
    assertFails(figure().scales("free_y").build(), "study.yaml: figure 'acc': scales: 'free_y'"
        + " is not a way to share scales. Did you mean 'free'? The choices are: shared, rows,"
        + " cols, free.");
    assertFails(figure().formats("pdf").build(), "study.yaml: figure 'acc': formats: 'pdf' is"
        + " not a format. The choices are: png, svg.");
  }

  @Test
  void oneAxisInTwoPlaces() {
    assertFails(figure().rows("method").color("method").build(), "study.yaml: figure 'acc':"
        + " color: 'method' is already the figure's rows; an axis takes one place in a figure.");
  }

  @Test
  void logarithmicTextAxis() {
    assertFails(figure().x("method").logX().build(), "study.yaml: figure 'acc': log_x: the x"
        + " axis 'method' has levels that are not numbers (tree, svm), so it cannot be"
        + " logarithmic; drop log_x or put a numeric axis on x.");
  }

  @Test
  void missingDatabase() throws Exception {
    Files.delete(database);
    assertFails(figure().build(), "study.yaml: figure 'acc': there are no results to draw: "
        + database + " does not exist. `xyz run` produces it.");
  }

  @Test
  void noDoneCell() throws Exception {
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "tree", "dataset", "iris", "seed", 1L).state("failed");
    fixture.cell("method", "svm", "dataset", "iris", "seed", 1L).state("failed");
    fixture.cell("method", "svm", "dataset", "wine", "seed", 2L).state("interrupted");
    Files.delete(database);
    fixture.write(database);
    assertFails(figure().build(), "study.yaml: figure 'acc': there are no results to draw: none"
        + " of the 3 cells it shows is done (2 failed, 1 interrupted). `xyz run` produces them.");
  }

  @Test
  void noCellYet() throws Exception {
    Files.delete(database);
    new ResultsFixture(study).write(database);
    assertFails(figure().build(), "study.yaml: figure 'acc': there are no results to draw:"
        + " results.duckdb holds no cells yet. `xyz run` produces them.");
  }

  @Test
  void doneCellsWithoutTheObservable() {
    assertFails(Studies.figure("loss").y("train_loss").build(), "study.yaml: figure 'loss':"
        + " there are no results to draw: the 1 done cell recorded no step of train_loss."
        + " `xyz run` produces them.");
  }

  @Test
  void nearestMatchCountsSwapsAndPrefixes() {
    assertThat(Nearest.to("stpe", List.of("method", "step"))).hasValue("step");
    assertThat(Nearest.to("ci", List.of("none", "ci95"))).hasValue("ci95");
    assertThat(Nearest.to("Method", List.of("method"))).hasValue("method");
    assertThat(Nearest.to("pdf", List.of("png", "svg"))).isEmpty();
    assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void figureNameMustBeAFileName() {
    assertFails(Studies.figure("../acc").y("test_acc").build(), "study.yaml: figure '../acc':"
        + " the name is not a file name; use letters, digits, '-' and '_'.");
  }
}
