package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xyz.plan.Planner;

/**
 * Random edits of a valid study file, one seed each: whatever the edit, the reader either gives
 * a study that plans, or a StudyException whose problems all have a place; never another error.
 */
class StudyReaderFuzzTest {
  private static final String STUDY = """
      study: fuzz
      methods:
        - logreg
        - name: forest
          controls:
            trees: [50, 100]
      datasets: [iris, wine]
      controls:
        p: [0, 0.2, 0.4]
        lr: {logspace: [0.0001, 0.1, 4]}
        w: {linspace: [0, 1, 4]}
        epochs: {range: [10, 50, 10]}
        seed: {range: [0, 3], replicate: true}
        dropout: {uniform: [0, 0.5]}
        opt: {choice: [sgd, adam]}
      zip:
        - [lr, w]
      draws: {n: 3, seed: 7}
      exclude:
        - "method == 'forest' and dataset == 'wine'"
        - where: "p > 0.3 and method in ['logreg', 'forest']"
          because: not informative
      observables: [train_acc, test_acc]
      experiment:
        command: [python3, train.py, --lr, "{lr}", --out, "{cell_dir}"]
        timeout: 10m
        retries: 1
        env: {OMP_NUM_THREADS: "1"}
      executor: {type: local, workers: 2}
      figures:
        - {name: accuracy, rows: method, cols: dataset, x: p, y: [train_acc, test_acc]}
      """;
  private static final String ALPHABET = " \n:-[]{},'\"#&*!|>0123456789.abcdefghijklmnopqrstuvwxyz"
      + "ABCDEFGHIJKLMNOPQRSTUVWXYZ_\t";

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anEditGivesAStudyOrProblems(long seed) {
    String edited = edit(STUDY, new SplittableRandom(seed));
    try {
      Study study = StudyReader.parse(edited, Path.of("study.yaml"));
      assertThat(Planner.plan(study).size()).isPositive();
    } catch (StudyException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.line()).isGreaterThanOrEqualTo(0);
        assertThat(p.message()).isNotBlank();
      });
      assertThat(e.getMessage()).endsWith("; nothing was run.");
    }
  }

  private static String edit(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(5)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> {
          int start = out.lastIndexOf("\n", at) + 1;
          int end = out.indexOf("\n", at);
          if (end > start) {
            out.delete(start, end + 1);
          }
        }
        default -> {
          int start = out.lastIndexOf("\n", at) + 1;
          int end = out.indexOf("\n", at);
          if (end > start) {
            out.insert(start, out.substring(start, end + 1));
          }
        }
      }
    }
    return out.toString();
  }
}
