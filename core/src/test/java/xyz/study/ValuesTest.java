package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A level named on the command line or in a URL finds its label however a number is written. */
class ValuesTest {
  private static final List<String> LABELS = List.of(
      Values.label(0L), Values.label(0.2), Values.label(1L), Values.label(0.001), "iris", "1e");

  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
    "0, 0", "0.0, 0", "-0, 0", "0.2, 0.2", "0.20, 0.2", "2e-1, 0.2", "1, 1", "1.0, 1",
    "1e0, 1", "1e-3, 0.001", "0.0010, 0.001", "iris, iris", "1e, 1e", "0.3, none", "Iris, none",
    "nan, none", "'', none"})
  void findsTheLabelOfANumberWrittenAnotherWay(String text, String label) {
    assertThat(Values.matchLabel(LABELS, text)).isEqualTo(label);
  }
}
