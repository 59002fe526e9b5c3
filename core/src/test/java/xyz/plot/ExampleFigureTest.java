package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.Study;

/**
 * Draws a realistic study (6 methods x 5 datasets, label noise p from 0 to 1, train and test
 * accuracy, 3 seeds) into target/figures, where a person can look at it.
 */
class ExampleFigureTest {
  static final List<String> METHODS = List.of("tree", "forest", "knn", "svm", "logreg", "mlp");
  static final List<String> DATASETS = List.of("iris", "wine", "digits", "adult", "covtype");

  static Study study() {
    List<Object> p = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      p.add(i * 0.1);
    }
    return Studies.study("label-noise", List.of(
        Studies.axis("method", AxisRole.METHOD, METHODS.toArray()),
        Studies.axis("dataset", AxisRole.DATASET, DATASETS.toArray()),
        new Axis("p", AxisRole.CONTROL, p, false, List.of()),
        Studies.seeds("seed", 1L, 2L, 3L)), List.of("train_acc", "test_acc"));
  }

  static Path results(Study study, Path dir) throws Exception {
    ResultsFixture fixture = new ResultsFixture(study);
    Random random = new Random(7);
    double[] chance = {0.33, 0.33, 0.1, 0.5, 0.14};
    for (int m = 0; m < METHODS.size(); m++) {
      for (int d = 0; d < DATASETS.size(); d++) {
        for (Object level : study.axis("p").orElseThrow().levels()) {
          double p = (Double) level;
          for (long seed = 1; seed <= 3; seed++) {
            double clean = 0.97 - 0.04 * d - 0.02 * m;
            double test = clean - p * (clean - chance[d]) * (0.6 + 0.08 * m)
                + random.nextGaussian() * 0.015;
            double train = m < 2 ? 1 - 0.002 * random.nextDouble()
                : Math.min(1, test + 0.05 + 0.2 * p * (m - 1) / 4
                    + random.nextGaussian() * 0.01);
            fixture.cell("method", METHODS.get(m), "dataset", DATASETS.get(d), "p", level,
                "seed", seed).last("train_acc", train).last("test_acc", test);
          }
        }
      }
    }
    return fixture.write(dir.resolve("results.duckdb"));
  }

  @Test
  void drawsTheLabelNoiseStudy(@TempDir Path dir) throws Exception {
    Study study = study();
    Path database = results(study, dir);
    Path out = Path.of("target", "figures");
    List<String> notes = new ArrayList<>();
    List<Path> files = FacetGrid.draw(study, database, Studies.figure("accuracy")
        .rows("method").cols("dataset").x("p").y("train_acc", "test_acc").band("ci95")
        .formats("png", "svg").build(), out, notes::add);

    assertThat(files).containsExactly(out.resolve("accuracy.png"), out.resolve("accuracy.svg"));
    assertThat(notes).containsExactly("averaged over: seed");
    BufferedImage image = ImageIO.read(files.get(0).toFile());
    assertThat(image.getWidth()).isGreaterThan(5 * Theme.PANEL_WIDTH);
    assertThat(image.getHeight()).isGreaterThan(6 * Theme.PANEL_HEIGHT);
    assertThat(Files.readString(files.get(1))).contains(">covtype<", ">mlp<");
  }
}
