package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import xyz.ml.data.Datasets;
import xyz.ml.method.Method;

/**
 * Runs the whole grid of {@code examples/label-noise/study.yaml} (540 cells), two cells at a
 * time as the study's local executor would, and checks the paper's result on it. The cells and
 * a summary of their cost are left in {@code target/label-noise-study/}.
 */
class LabelNoiseStudyTest {

  private static final Path STUDY = Path.of("..", "examples", "label-noise", "study.yaml");
  private static final Path OUT = Path.of("target", "label-noise-study");
  private static final int WORKERS = 2;

  private static Map<String, Object> study;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readStudy() throws Exception {
    study = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(STUDY));
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(String... keys) {
    Object node = study;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
    }
    return (T) node;
  }

  @Test
  void study_file_names_what_the_experiment_accepts() {
    assertThat(at("experiment", "builtin").toString()).isEqualTo(LabelNoiseProvider.NAME);
    assertThat(at("methods").toString()).isEqualTo(Method.ids().toString());
    assertThat(at("datasets").toString()).isEqualTo(Datasets.names().toString());
    assertThat(at("observables").toString()).isEqualTo("[train_acc, test_acc, fit_seconds]");
  }

  @Test
  void whole_grid_reproduces_the_paper() throws Exception {
    List<String> methods = at("methods");
    List<String> datasets = at("datasets");
    List<Double> ps = at("controls", "p") instanceof List<?> levels
        ? levels.stream().map(v -> ((Number) v).doubleValue()).toList() : List.of();
    List<Number> seedRange = at("controls", "seed", "range");
    int seeds = seedRange.get(1).intValue() - seedRange.get(0).intValue();

    var os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long wallStart = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    List<GridRun.Result> results = GridRun.run(methods, datasets, ps, seeds, WORKERS);
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
    writeOutcome(results, wall, cpu);

    assertThat(results).hasSize(540);
    List<String> violations = LabelNoiseFindings.violations(
        results.stream().map(GridRun.Result::row).toList());
    assertThat(violations).isEmpty();
  }

  private static void writeOutcome(List<GridRun.Result> results, double wall, double cpu)
      throws Exception {
    Files.createDirectories(OUT);
    List<String> cells = new ArrayList<>();
    cells.add(GridRun.CSV_HEADER);
    results.forEach(r -> cells.add(r.csv()));
    Files.write(OUT.resolve("cells.csv"), cells);

    Map<String, double[]> perMethod = new LinkedHashMap<>();
    for (GridRun.Result r : results) {
      double[] sums = perMethod.computeIfAbsent(r.row().method(), m -> new double[3]);
      sums[0] += r.fitSeconds();
      sums[1] += r.cpuSeconds();
      sums[2]++;
    }
    List<String> summary = new ArrayList<>();
    summary.add(String.format(Locale.ROOT, "%d cells, %d workers: %.1f s wall, %.1f s process "
        + "CPU (%.3f s per cell)", results.size(), WORKERS, wall, cpu, cpu / results.size()));
    perMethod.forEach((method, s) -> summary.add(String.format(Locale.ROOT,
        "%-7s mean fit %.3f s, mean cell CPU %.3f s, total cell CPU %.1f s", method,
        s[0] / s[2], s[1] / s[2], s[1])));
    Files.write(OUT.resolve("summary.txt"), summary);
    summary.forEach(System.out::println);
  }
}
