package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lists of a hundred thousand names or levels are read in time linear in their length: a repeat
 * is found by lookup, not by scanning what came before (which took minutes at this size).
 */
class HugeListsTest {
  private static final int SIZE = 100_000;

  private static String list(String prefix, int repeat) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < SIZE; i++) {
      b.append(i > 0 ? ", " : "").append(prefix).append(i == SIZE - 1 ? repeat : i);
    }
    return b.append(']').toString();
  }

  @Test
  void aRepeatAtTheEndOfAHugeListIsFoundAndNamesTheFirst() {
    String text = "study: s\nmethods: [m]\ndatasets: " + list("d", 7) + "\ncontrols:\n  k: "
        + list("", 3) + "\nobservables: [v]\nexperiment: {command: [\"true\"]}\n";
    StudyException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        catchThrowableOfType(StudyException.class,
            () -> StudyReader.parse(text, Path.of("study.yaml"))));
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "'d7' repeats datasets[7]", "level '3' repeats controls.k[3]");
  }
}
