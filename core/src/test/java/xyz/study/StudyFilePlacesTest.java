package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file broken below the YAML level is still refused at the place of the break. */
class StudyFilePlacesTest {
  private static final String STUDY = "study: s\nmethods: [m]\ndatasets: [d]\n"
      + "observables: [v]\nexperiment: {command: [\"true\"]}\n";

  @TempDir Path tmp;

  @Test
  void aControlCharacterIsRefusedAtItsLineAndColumn() {
    String text = STUDY.replace("datasets", "da\u001Btasets");
    StudyException e = catchThrowableOfType(StudyException.class,
        () -> StudyReader.parse(text, Path.of("study.yaml")));
    assertThat(e.getMessage())
        .startsWith("study.yaml:3:3: the file holds the character U+001B, which YAML does not "
            + "allow\n    da\n      ^\n  fix: delete it");
  }

  @Test
  void aByteThatIsNotUtf8IsRefusedAtItsLineAndColumn() throws Exception {
    byte[] bytes = STUDY.replace("[m]", "[m\u00FF]").getBytes(StandardCharsets.ISO_8859_1);
    Path file = tmp.resolve("study.yaml");
    Files.write(file, bytes);
    StudyException e = catchThrowableOfType(StudyException.class, () -> StudyReader.read(file));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isEqualTo(12);
      assertThat(p.message()).isEqualTo(
          "the file is not UTF-8 text");
    });
    assertThat(e.getMessage()).startsWith(file + ":2:12: the file is not UTF-8 text");
  }
}
