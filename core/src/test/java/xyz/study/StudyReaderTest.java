package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReaderTest {

  private static List<Object> levels(Study study, String axis) {
    return study.axis(axis).orElseThrow().levels();
  }

  @Test
  void scalarsFollowTheCoreSchema() {
    Study study = TestStudies.parse("""
        controls:
          x: [NO, 010, 0x1F, 1e3, .inf, '1', true, 1_000, 1.50, -7, off]
        """);

    assertThat(levels(study, "x")).containsExactly("NO", 10L, 31L, 1000.0,
        Double.POSITIVE_INFINITY, "1", true, "1_000", 1.5, -7L, "off");
    assertThat(study.axis("x").orElseThrow().labels()).containsExactly("NO", "10", "31", "1000",
        "inf", "1", "true", "1_000", "1.5", "-7", "off");
  }

  @Test
  void floatsAreRoundedSoLabelsReadAsWritten() {
    Study study = TestStudies.parse("controls:\n  p: [0.1, 0.30000000000000004, 1.0e-5]\n");

    assertThat(levels(study, "p")).containsExactly(0.1, 0.3, 1.0e-5);
  }

  @Test
  void linspaceIncludesBothEnds() {
    Study study = TestStudies.parse("""
        controls:
          w: {linspace: [0, 1, 5]}
          one: {linspace: [2, 9, 1]}
          down: {linspace: [1, 0, 3]}
        """);

    assertThat(levels(study, "w")).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    assertThat(study.axis("w").orElseThrow().labels()).containsExactly("0", "0.25", "0.5",
        "0.75", "1");
    assertThat(levels(study, "one")).containsExactly(2.0);
    assertThat(levels(study, "down")).containsExactly(1.0, 0.5, 0.0);
  }

  @Test
  void logspaceTakesValuesNotExponents() {
    Study study = TestStudies.parse("""
        controls:
          lr: {logspace: [0.0001, 0.1, 4]}
          big: {logspace: [1, 1000, 4]}
          third: {logspace: [1, 8, 4]}
        """);

    assertThat(study.axis("lr").orElseThrow().labels())
        .containsExactly("0.0001", "0.001", "0.01", "0.1");
    assertThat(levels(study, "big")).containsExactly(1.0, 10.0, 100.0, 1000.0);
    assertThat(levels(study, "third")).containsExactly(1.0, 2.0, 4.0, 8.0);
  }

  @Test
  void rangeExcludesStopAndKeepsIntegersIntegral() {
    Study study = TestStudies.parse("""
        controls:
          epochs: {range: [10, 50, 10]}
          stop: {range: [3]}
          span: {range: [2, 5]}
          down: {range: [10, 0, -3]}
          quarter: {range: [0, 1, 0.25]}
          tenth: {range: [0, 0.3, 0.1]}
          bare: {range: 2}
        """);

    assertThat(levels(study, "epochs")).containsExactly(10L, 20L, 30L, 40L);
    assertThat(levels(study, "stop")).containsExactly(0L, 1L, 2L);
    assertThat(levels(study, "span")).containsExactly(2L, 3L, 4L);
    assertThat(levels(study, "down")).containsExactly(10L, 7L, 4L, 1L);
    assertThat(levels(study, "quarter")).containsExactly(0.0, 0.25, 0.5, 0.75);
    assertThat(levels(study, "tenth")).containsExactly(0.0, 0.1, 0.2);
    assertThat(levels(study, "bare")).containsExactly(0L, 1L);
  }

  @Test
  void replicateMarksAnyLevelsForm() {
    Study study = TestStudies.parse("""
        controls:
          seed: {range: [0, 3], replicate: true}
          k: {values: [1, 3], replicate: false}
          fold: {values: [a, b], replicate: true}
          plain: [1, 2]
          single: 5
        """);

    assertThat(study.replicates()).extracting(Axis::name).containsExactly("seed", "fold");
    assertThat(levels(study, "k")).containsExactly(1L, 3L);
    assertThat(levels(study, "single")).containsExactly(5L);
  }

  @Test
  void axesComeInOrderMethodsDatasetsStudyControlsThenMethodControls() {
    Study study = TestStudies.parse("""
        methods:
          - name: forest
            controls:
              trees: [50, 100]
              depth: [3]
          - logreg
          - name: boost
            controls:
              rounds: [10]
              trees: [10, 50]
        datasets: [iris, wine]
        controls:
          p: [0, 0.2]
          seed: {range: [2], replicate: true}
        """);

    assertThat(study.axisNames()).containsExactly("method", "dataset", "p", "seed", "trees",
        "depth", "rounds");
    Axis method = study.axes().get(0);
    assertThat(method.role()).isEqualTo(AxisRole.METHOD);
    assertThat(method.levels()).containsExactly("forest", "logreg", "boost");
    assertThat(study.axes().get(1).role()).isEqualTo(AxisRole.DATASET);
    Axis trees = study.axis("trees").orElseThrow();
    assertThat(trees.role()).isEqualTo(AxisRole.CONTROL);
    assertThat(trees.levels()).containsExactly(50L, 100L, 10L);
    assertThat(trees.methods()).containsExactly("forest", "boost");
    assertThat(study.axis("p").orElseThrow().methods()).isEmpty();
  }

  @Test
  void defaultsAreFilledIn() {
    Study study = StudyReader.parse("""
        study: label-noise
        methods: [logreg]
        datasets: [iris]
        observables: [acc]
        experiment: {builtin: label-noise}
        """, Path.of("study.yaml"));

    assertThat(study.name()).isEqualTo("label-noise");
    assertThat(study.file()).isEqualTo(Path.of("study.yaml"));
    assertThat(study.resultsDir()).isEqualTo(Path.of("results"));
    assertThat(study.executor()).isEqualTo(ExecutorSpec.local());
    assertThat(study.figures()).isEmpty();
    assertThat(study.experiment())
        .isEqualTo(new ExperimentSpec.Builtin("label-noise", null, 0, "1"));
    assertThat(study.experiment().identity()).isEqualTo("builtin:label-noise#1");
  }

  @Test
  void foldersAreRelativeToTheStudyFile() {
    Study study = StudyReader.parse("""
        study: s
        methods: [a]
        datasets: [d]
        observables: [acc]
        results: out/run1
        experiment:
          command: [python3, train.py]
          workdir: ../code
        """, Path.of("studies", "noise", "study.yaml"));

    assertThat(study.resultsDir()).isEqualTo(Path.of("studies", "noise", "out", "run1"));
    ExperimentSpec.Command command = (ExperimentSpec.Command) study.experiment();
    assertThat(command.workdir())
        .isEqualTo(Path.of("studies", "code").toAbsolutePath().normalize());
  }

  @Test
  void commandKeepsItsArgumentsAsWritten() {
    Study study = TestStudies.parse("""
        controls:
          lr: [0.1]
        experiment:
          command: [python3, train.py, --lr, "{lr}", --eps, 1e-3, --json, '{"a": 1}']
          timeout: 1h30m
          retries: 2
          version: 3
          env: {OMP_NUM_THREADS: 1, MODE: fast}
        """);

    ExperimentSpec.Command command = (ExperimentSpec.Command) study.experiment();
    assertThat(command.argv()).containsExactly("python3", "train.py", "--lr", "{lr}", "--eps",
        "1e-3", "--json", "{\"a\": 1}");
    assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(90));
    assertThat(command.retries()).isEqualTo(2);
    assertThat(command.version()).isEqualTo("3");
    assertThat(command.env()).containsExactly(Map.entry("OMP_NUM_THREADS", "1"),
        Map.entry("MODE", "fast"));
    assertThat(command.workdir()).isEqualTo(Path.of("").toAbsolutePath());
    assertThat(command.identity()).isEqualTo("command:python3\0train.py\0--lr\0{lr}\0--eps\0"
        + "1e-3\0--json\0{\"a\": 1}#3");
  }

  @Test
  void javaExperimentAndExecutor() {
    Study study = TestStudies.parse("""
        experiment: {java: com.example.MyExperiment, timeout: 30s}
        executor: {type: local, workers: 2}
        """);

    assertThat(study.experiment())
        .isEqualTo(new ExperimentSpec.JavaClass("com.example.MyExperiment",
            Duration.ofSeconds(30), 0, "1"));
    assertThat(study.executor()).isEqualTo(new ExecutorSpec("local", 2));
  }

  @Test
  void figuresGetTheirDefaults() {
    Study study = TestStudies.parse("""
        controls:
          p: [0, 0.2, 0.4]
        observables: [train_acc, test_acc]
        figures:
          - name: accuracy
            x: p
            y: test_acc
          - name: curves
            rows: method
            cols: dataset
            x: step
            y: [train_acc, test_acc]
            color: p
            band: ci95
            scales: free
            log_x: true
            filter: {p: [0.20, 0], dataset: d2}
            formats: svg
        """);

    assertThat(study.figures()).containsExactly(
        new FigureSpec("accuracy", null, null, "p", List.of("test_acc"), null, "se", "shared",
            false, false, Map.of(), List.of("png", "svg")),
        new FigureSpec("curves", "method", "dataset", "step", List.of("train_acc", "test_acc"),
            "p", "ci95", "free", true, false,
            Map.of("p", List.of("0.2", "0"), "dataset", List.of("d2")), List.of("svg")));
  }

  @Test
  void anchorsAndMergeKeysShareSettings() {
    Study study = TestStudies.parse("""
        controls:
          p: &levels [0, 0.5]
          q: *levels
        observables: [train_acc, test_acc]
        figures:
          - &grid {name: train, rows: method, cols: dataset, x: p, y: train_acc, band: sd}
          - {<<: *grid, name: test, y: test_acc}
        """);

    assertThat(levels(study, "q")).containsExactly(0L, 0.5);
    FigureSpec test = study.figures().get(1);
    assertThat(test.name()).isEqualTo("test");
    assertThat(test.y()).containsExactly("test_acc");
    assertThat(test.band()).isEqualTo("sd");
    assertThat(test.rows()).isEqualTo("method");
  }

  @Test
  void randomDrawsFollowTheSeededGenerator() {
    Study study = TestStudies.parse("""
        controls:
          dropout: {uniform: [0, 0.5]}
          p: [1, 2]
          wd: {loguniform: [1.0e-5, 1.0e-2]}
          opt: {choice: [sgd, adam, rmsprop]}
        draws: {n: 4, seed: 7}
        """);

    // The contract: one generator seeded with draws.seed; for each draw, one value per random
    // control in declaration order; uniform values rounded to 6 significant digits.
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    List<Object> dropout = new java.util.ArrayList<>();
    List<Object> wd = new java.util.ArrayList<>();
    List<Object> opt = new java.util.ArrayList<>();
    List<String> choices = List.of("sgd", "adam", "rmsprop");
    for (int i = 0; i < 4; i++) {
      dropout.add(six(0.5 * random.nextDouble()));
      double low = Math.log(1.0e-5);
      wd.add(six(Math.exp(low + (Math.log(1.0e-2) - low) * random.nextDouble())));
      String choice = choices.get(random.nextInt(3));
      if (!opt.contains(choice)) {
        opt.add(choice);
      }
    }
    assertThat(levels(study, "dropout")).isEqualTo(dropout);
    assertThat(levels(study, "wd")).isEqualTo(wd);
    assertThat(levels(study, "opt")).isEqualTo(opt);
    assertThat(levels(study, "dropout")).allSatisfy(v ->
        assertThat((Double) v).isBetween(0.0, 0.5));
    assertThat(levels(study, "wd")).allSatisfy(v ->
        assertThat((Double) v).isBetween(1.0e-5, 1.0e-2));
  }

  @Test
  void drawsAreTheSameForTheSameSeedAndDifferForAnother() {
    String yaml = "controls:\n  x: {uniform: [0, 1]}\ndraws: {n: 5, seed: SEED}\n";

    List<Object> first = levels(TestStudies.parse(yaml.replace("SEED", "1")), "x");
    List<Object> again = levels(TestStudies.parse(yaml.replace("SEED", "1")), "x");
    List<Object> other = levels(TestStudies.parse(yaml.replace("SEED", "2")), "x");

    assertThat(first).hasSize(5).isEqualTo(again).isNotEqualTo(other);
  }

  private static double six(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).doubleValue();
  }

  @Test
  void readsAFileAndNamesItAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, "\uFEFF" + TestStudies.complete("study: from-file\n"),
        StandardCharsets.UTF_8);

    Study study = StudyReader.read(file);

    assertThat(study.name()).isEqualTo("from-file");
    assertThat(study.file()).isEqualTo(file);
    assertThat(study.resultsDir()).isEqualTo(dir.resolve("results"));
  }

  @Test
  void aMissingFileIsAProblemOfItsOwn(@TempDir Path dir) {
    Path file = dir.resolve("nope.yaml");

    StudyException e = catchThrowableOfType(StudyException.class, () -> StudyReader.read(file));

    assertThat(e.getMessage()).isEqualTo(file + ": no such file\n"
        + "  fix: check the path; run from the study's folder, or give the path to its study "
        + "file\n1 problem in " + file + "; nothing was run.");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "study: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    StudyException e = catchThrowableOfType(StudyException.class, () -> StudyReader.read(file));

    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("the file is not UTF-8 text"));
  }

  @Test
  void longFoundValuesAreCut() {
    String name = "x".repeat(100);
    StudyException e = catchThrowableOfType(StudyException.class,
        () -> TestStudies.parse("study: " + name + " y\n"));

    Problem p = e.problems().get(0);
    assertThat(p.found()).hasSize(Problem.FOUND_LIMIT).endsWith("...");
    assertThat(p.message()).startsWith("'" + "x".repeat(100) + " y' cannot name a study");
  }

  @Test
  void problemsCarryTheirParts() {
    StudyException e = catchThrowableOfType(StudyException.class,
        () -> TestStudies.parse("controls:\n  lr: {logspac: [0.0001, 0.1, 4]}\n"));

    assertThat(e).isInstanceOf(xyz.UserError.class);
    assertThat(e.problems()).containsExactly(new Problem("study.yaml", 2, 8, "controls.lr",
        "unknown generator 'logspac'", "logspac", ControlReader.GENERATORS, List.of("logspace"),
        "write `lr: {logspace: [FROM, TO, COUNT]}`", null));
  }
}
