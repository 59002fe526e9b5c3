package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of mistake in a study file, each with the exact message it gets. The cases live in
 * {@code problems.txt} beside this class: a study file and its message per case.
 *
 * <p>To re-record the messages after changing their wording on purpose, run this test with
 * {@code -Dxyz.rerecord=true} from the core module and review the diff of problems.txt.
 */
class StudyProblemsTest {
  private static final Path CASES = Path.of("src/test/resources/xyz/study/problems.txt");

  record Case(String id, String yaml, String message) {}

  static Stream<Arguments> cases() throws IOException {
    return read().stream().map(c -> Arguments.of(Named.of(c.id(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mistakeGetsItsExactMessage(Case c) {
    StudyException e = catchThrowableOfType(StudyException.class,
        () -> StudyReader.parse(c.yaml(), Path.of("study.yaml")));

    assertThat(e).as("the study of case %s should have been refused", c.id()).isNotNull();
    assertThat(e.getMessage()).isEqualTo(c.message());
    assertThat(e.problems()).hasSize(count(c.message()));
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("study.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyProblemHasAPlaceAndAFixOrChoices(Case c) {
    StudyException e = catchThrowableOfType(StudyException.class,
        () -> StudyReader.parse(c.yaml(), Path.of("study.yaml")));

    assertThat(e).isNotNull();
    for (Problem p : e.problems()) {
      assertThat(p.line()).as(p.render()).isPositive();
      assertThat(p.column()).as(p.render()).isPositive();
      assertThat(p.fix() != null || !p.valid().isEmpty()).as(p.render()).isTrue();
    }
  }

  private static int count(String message) {
    String last = message.substring(message.lastIndexOf('\n') + 1);
    return Integer.parseInt(last.substring(0, last.indexOf(' ')));
  }

  private static List<Case> read() throws IOException {
    List<Case> cases = new ArrayList<>();
    String id = null;
    StringBuilder yaml = new StringBuilder();
    StringBuilder message = null;
    for (String line : Files.readAllLines(CASES, StandardCharsets.UTF_8)) {
      if (line.startsWith("=== ")) {
        if (id != null) {
          cases.add(new Case(id, yaml.toString(), message.toString().strip()));
        }
        id = line.substring(4).strip();
        yaml = new StringBuilder();
        message = null;
      } else if (id == null) {
        continue;
      } else if (message == null && line.equals("~~~")) {
        message = new StringBuilder();
      } else if (message == null) {
        yaml.append(line).append('\n');
      } else {
        message.append(line).append('\n');
      }
    }
    if (id != null) {
      cases.add(new Case(id, yaml.toString(), message.toString().strip()));
    }
    if (Boolean.getBoolean("xyz.rerecord")) {
      rerecord(cases);
    }
    return cases;
  }

  /** Writes the messages the reader gives now into problems.txt, keeping its header. */
  private static void rerecord(List<Case> cases) throws IOException {
    String text = Files.readString(CASES, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(text.substring(0, text.indexOf("\n=== ") + 1));
    for (Case c : cases) {
      String actual;
      try {
        StudyReader.parse(c.yaml(), Path.of("study.yaml"));
        actual = "(no problem)";
      } catch (StudyException e) {
        actual = e.getMessage();
      } catch (RuntimeException e) {
        actual = "(crash: " + e + ")";
      }
      out.append("=== ").append(c.id()).append('\n').append(c.yaml()).append("~~~\n")
          .append(actual).append("\n\n");
    }
    Files.writeString(CASES, out.toString().stripTrailing() + "\n", StandardCharsets.UTF_8);
  }
}
