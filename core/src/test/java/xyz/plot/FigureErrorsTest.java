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
    assertFails(figure().rows("methd").build(), """
        study.yaml: figure 'acc': rows: 'methd' is not an axis of the study
          valid: method, dataset, seed
          did you mean 'method'?
          fix: replace 'methd' with 'method'""");
  }

  @Test
  void unknownAxisWithNothingNear() {
    assertFails(figure().color("optimizer").build(), """
        study.yaml: figure 'acc': color: 'optimizer' is not an axis of the study
          valid: method, dataset, seed
          fix: use one of the valid axes""");
  }

  @Test
  void unknownXOffersStep() {
    assertFails(figure().x("stpe").build(), """
        study.yaml: figure 'acc': x: 'stpe' is not an axis of the study or step
          valid: method, dataset, seed, step
          did you mean 'step'?
          fix: replace 'stpe' with 'step'""");
  }

  @Test
  void unknownObservableListsDeclaredAndRecordedOnes() {
    assertFails(figure().y("test_ac").build(), """
        study.yaml: figure 'acc': y: 'test_ac' is not an observable of the study
          valid: test_acc, train_loss
          did you mean 'test_acc'?
          fix: replace 'test_ac' with 'test_acc'""");
  }

  @Test
  void unknownFilterAxis() {
    assertFails(figure().filter("datset", "iris").build(), """
        study.yaml: figure 'acc': filter: 'datset' is not an axis of the study
          valid: method, dataset, seed
          did you mean 'dataset'?
          fix: replace 'datset' with 'dataset'""");
  }

  @Test
  void unknownFilterLevel() {
    assertFails(figure().filter("dataset", "iris", "wines").build(), """
        study.yaml: figure 'acc': filter.dataset: 'wines' is not a level of dataset
          valid: iris, wine
          did you mean 'wine'?
          fix: replace 'wines' with 'wine'""");
  }

  @Test
  void filterKeepingNoLevel() {
    assertFails(figure().filter("dataset").build(), """
        study.yaml: figure 'acc': filter.dataset: keeps no level
          valid: iris, wine
          fix: list the levels to keep, or drop the filter on dataset""");
  }

  @Test
  void unknownBand() {
    assertFails(figure().band("c95").build(), """
        study.yaml: figure 'acc': band: 'c95' is not a band
          valid: none, sd, se, ci95
          did you mean 'ci95'?
          fix: replace 'c95' with 'ci95'""");
  }

  @Test
  void unknownScalesAndFormat() {
    assertFails(figure().scales("free_y").build(), """
        study.yaml: figure 'acc': scales: 'free_y' is not a way to share scales
          valid: shared, rows, cols, free
          did you mean 'free'?
          fix: replace 'free_y' with 'free'""");
    assertFails(figure().formats("pdf").build(), """
        study.yaml: figure 'acc': formats: 'pdf' is not a format
          valid: png, svg
          fix: use one of the valid formats""");
  }

  @Test
  void noFormatOrX() {
    assertFails(figure().formats().build(), """
        study.yaml: figure 'acc': formats: none given
          valid: png, svg
          fix: give one or more formats, such as png""");
    assertFails(figure().x(null).build(), """
        study.yaml: figure 'acc': x: none given
          valid: method, dataset, seed, step
          fix: give x an axis or step, such as dataset""");
  }

  @Test
  void oneAxisInTwoPlaces() {
    assertFails(figure().rows("method").color("method").build(), """
        study.yaml: figure 'acc': color: 'method' is already the figure's rows
          fix: give rows, cols, x and color different axes""");
  }

  @Test
  void observableListedTwice() {
    assertFails(Studies.figure("acc").y("test_acc", "test_acc").build(), """
        study.yaml: figure 'acc': y: 'test_acc' is listed twice
          fix: list it once""");
  }

  @Test
  void logarithmicTextAxis() {
    assertFails(figure().x("method").logX().build(), """
        study.yaml: figure 'acc': log_x: the x axis 'method' has levels that are not numbers \
        (tree, svm), so it cannot be logarithmic
          fix: drop log_x, or put a numeric axis on x""");
  }

  @Test
  void missingDatabase() throws Exception {
    Files.delete(database);
    assertFails(figure().build(), "study.yaml: figure 'acc': there are no results to draw: "
        + database + " does not exist\n"
        + "  fix: run the study with `xyz run` (or `xyz collect` after a run)");
  }

  @Test
  void noDoneCell() throws Exception {
    ResultsFixture fixture = new ResultsFixture(study);
    fixture.cell("method", "tree", "dataset", "iris", "seed", 1L).state("failed");
    fixture.cell("method", "svm", "dataset", "iris", "seed", 1L).state("failed");
    fixture.cell("method", "svm", "dataset", "wine", "seed", 2L).state("interrupted");
    Files.delete(database);
    fixture.write(database);
    assertFails(figure().build(), """
        study.yaml: figure 'acc': there are no results to draw: none of the 3 cells it shows \
        is done (2 failed, 1 interrupted)
          fix: `xyz status` says why; `xyz run --rerun failed` runs them again""");
  }

  @Test
  void noCellYet() throws Exception {
    Files.delete(database);
    new ResultsFixture(study).write(database);
    assertFails(figure().build(), """
        study.yaml: figure 'acc': there are no results to draw: results.duckdb holds no cells \
        yet
          fix: run the study with `xyz run`""");
  }

  @Test
  void doneCellsWithoutTheObservable() {
    assertFails(Studies.figure("loss").y("train_loss").build(), """
        study.yaml: figure 'loss': there are no results to draw: the 1 done cell recorded no \
        step of train_loss
          fix: plot an observable the cells record, or have the experiment record it and run \
        the cells again with `xyz run --rerun all`""");
  }

  @Test
  void figureNameMustBeAFileName() {
    assertFails(Studies.figure("../acc").y("test_acc").build(), """
        study.yaml: figure '../acc': the name is not a file name
          fix: name the figure with letters, digits, '-' and '_'""");
  }
}
