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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xyz.plan.PlanReport;
import xyz.plan.Planner;

/**
 * Checks the examples of the study-file reference: every YAML block parses (a block without
 * {@code study:} is completed with the required keys), a block followed by a {@code text} block
 * starting with {@code study.yaml:} fails with exactly that message, and one followed by a plan
 * ({@code study NAME: ...}) plans to exactly that text.
 */
class StudyFileDocTest {
  private static final Path DOC = Path.of("../doc/study-file.md");

  record Block(String language, String text, int line) {}

  record Example(Block yaml, Block next) {}

  static Stream<Arguments> examples() throws IOException {
    List<Block> blocks = blocks();
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.language().equals("yaml")) {
        Block next = i + 1 < blocks.size() && blocks.get(i + 1).language().equals("text")
            ? blocks.get(i + 1) : null;
        out.add(Arguments.of(Named.of("line " + b.line(), new Example(b, next))));
      }
    }
    return out.stream();
  }

  private static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```") && lines.get(i).length() > 3) {
        String language = lines.get(i).substring(3).strip();
        int start = i + 1;
        StringBuilder text = new StringBuilder();
        for (i = start; !lines.get(i).startsWith("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        blocks.add(new Block(language, text.toString(), start));
      }
    }
    return blocks;
  }

  @Test
  void theReferenceHasExamples() throws IOException {
    assertThat(examples()).hasSizeGreaterThan(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleDoesWhatTheReferenceSays(Example example) {
    String yaml = example.yaml().text();
    String next = example.next() == null ? "" : example.next().text().stripTrailing();
    if (next.startsWith("study.yaml:")) {
      StudyException e = catchThrowableOfType(StudyException.class,
          () -> StudyReader.parse(yaml, Path.of("study.yaml")));
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).isEqualTo(next);
      return;
    }
    Study study = yaml.startsWith("study:") ? StudyReader.parse(yaml, Path.of("study.yaml"))
        : TestStudies.parse(yaml);
    assertThat(study.axes()).isNotEmpty();
    if (next.startsWith("study ")) {
      String plan = PlanReport.render(Planner.plan(study), id -> false, 3);
      assertThat(plan.stripTrailing()).isEqualTo(next);
    }
  }
}
