package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.UserError;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.Study;

class LargeGridTest {
  @TempDir
  Path dir;

  private static Study grid(int rows, int cols) {
    List<Object> r = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      r.add("m" + i);
    }
    List<Object> c = new ArrayList<>();
    for (int i = 0; i < cols; i++) {
      c.add("d" + i);
    }
    return Studies.study("big", List.of(new Axis("method", AxisRole.METHOD, r, false, List.of()),
        new Axis("dataset", AxisRole.DATASET, c, false, List.of())), List.of("acc"));
  }

  private Path results(Study study, int every) throws Exception {
    ResultsFixture fixture = new ResultsFixture(study);
    int i = 0;
    for (Object m : study.axes().get(0).levels()) {
      for (Object d : study.axes().get(1).levels()) {
        if (i++ % every == 0) {
          fixture.cell("method", m, "dataset", d).series("acc", 0.5, 0.7, 0.6);
        }
      }
    }
    return fixture.write(dir.resolve("results.duckdb"));
  }

  @Test
  void hundredsOfPanelsGrowTheFigureAndThenShrinkThePanels() throws Exception {
    Study study = grid(40, 30);
    Path file = FacetGrid.draw(study, results(study, 1), Studies.figure("acc").rows("method")
        .cols("dataset").y("acc").build(), dir).get(0);
    BufferedImage image = ImageIO.read(file.toFile());
    double[] panel = Layout.panelSize(40, 30);
    // 1,200 panels at full size would pass 40 million pixels, so each is a little smaller.
    assertThat(panel[0]).isLessThan(Theme.PANEL_WIDTH).isGreaterThan(Theme.MIN_PANEL_WIDTH);
    assertThat(image.getWidth()).isGreaterThan((int) (30 * panel[0]));
    assertThat(image.getHeight()).isGreaterThan((int) (40 * panel[1]));
    assertThat((double) image.getWidth() * image.getHeight()).isLessThan(45e6);
  }

  @Test
  void tooManyPanelsAreRefused() throws Exception {
    Study study = grid(200, 200);
    // The panels are the study's levels, whichever of them have results so far.
    Path database = results(study, 97);
    assertThatThrownBy(() -> FacetGrid.draw(study, database, Studies.figure("acc")
        .rows("method").cols("dataset").y("acc").build(), dir))
        .isInstanceOf(UserError.class).hasMessage("study.yaml: figure 'acc': 200 x 200 panels"
            + " are too many to draw in one figure\n  fix: filter its rows or columns, or split"
            + " it into several figures");
  }
}
