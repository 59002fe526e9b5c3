package xyz.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xyz.cli.Main;
import xyz.store.ResultsFolder;

/**
 * The example study on a reduced grid, run through the command line as the README runs it: its
 * two MLPs on real MNIST at its first learning rate, with every other setting as the example
 * has it, so these cells are the example's own. The results stay in
 * {@code target/neural-collapse/} for a look, with the wall time in {@code test-run.txt}.
 */
class NeuralCollapseStudyTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "neural-collapse", "study.yaml");
  private static final Path DIR = Path.of("target", "neural-collapse");
  private static final Path RESULTS = DIR.resolve("results");
  private static final List<String> FIGURES = List.of("error", "loss", "nc1", "equinorm",
      "equiangular", "max-angle", "self-duality", "ncc-mismatch");

  private static int code;
  private static String output;

  /** The example's text with one line replaced; fails if the example no longer has that line. */
  private static String replace(String text, String line, String with) {
    assertThat(text).as("the example study's line '%s'", line).contains(line + "\n");
    return text.replace(line + "\n", with + "\n");
  }

  @BeforeAll
  static void runTheReducedStudy() throws Exception {
    ResultsFolder.deleteTree(DIR);
    Files.createDirectories(DIR);
    String study = Files.readString(EXAMPLE);
    study = replace(study, "methods: [mlp3, mlp6, cnn]", "methods: [mlp3, mlp6]");
    study = replace(study, "datasets: [mnist, fashion_mnist, digits]", "datasets: [mnist]");
    study = replace(study, "  lr: [0.02, 0.025, 0.03]", "  lr: [0.02]");
    Path file = DIR.resolve("study.yaml");
    Files.writeString(file, study);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    code = Main.execute(new String[] {"run", file.toString(), "--results", RESULTS.toString(),
        "--workers", "2"}, new PrintWriter(out, true), new PrintWriter(err, true));
    double seconds = (System.nanoTime() - start) / 1e9;
    output = out + "" + err;
    Files.writeString(DIR.resolve("test-run.txt"),
        String.format(Locale.ROOT, "wall %.1f s%n%s", seconds, output));
  }

  @Test
  void bothCellsAreDone() {
    assertThat(code).as(output).isZero();
    assertThat(output).contains("2 done");
  }

  @Test
  void eachMlpOnMnistShowsTheTerminalPhaseAndCollapse() throws Exception {
    List<NeuralCollapseFindings.Run> runs =
        NeuralCollapseFindings.read(RESULTS.resolve("results.duckdb"), "mlp", "mnist");

    assertThat(runs).extracting(NeuralCollapseFindings.Run::label)
        .containsExactly("mlp3 on mnist, lr 0.02", "mlp6 on mnist, lr 0.02");
    assertThat(NeuralCollapseFindings.violations(runs)).isEmpty();
  }

  @Test
  void everyFigureIsDrawn() throws Exception {
    for (String name : FIGURES) {
      Path png = RESULTS.resolve("figures").resolve(name + ".png");
      assertThat(ImageIO.read(png.toFile()).getWidth()).as(name).isGreaterThan(400);
      assertThat(Files.readString(RESULTS.resolve("figures").resolve(name + ".svg")))
          .as(name).contains("<svg").contains("mlp6").contains("mnist");
    }
  }
}
