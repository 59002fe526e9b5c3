package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"30s, 30", "10m, 600", "2h, 7200", "1h30m, 5400", "1d, 86400", "1h0m5s, 3605",
      "90s, 90"})
  void parsesUnits(String text, long seconds) {
    assertThat(Durations.parse(text)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "10", "10 m", "10min", "m", "1m1h", "0s", "1.5h", "-1m", "10M"})
  void refusesOtherText(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"30, 30s", "600, 10m", "5400, 1h30m", "90061, 1d1h1m1s", "0, 0s"})
  void formatsTheWayItParses(long seconds, String text) {
    assertThat(Durations.format(Duration.ofSeconds(seconds))).isEqualTo(text);
  }
}
