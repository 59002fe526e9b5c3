package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({"logspac, logspace, 1", "lgospace, logspace, 1", "abc, abc, 0", "'', abc, 3",
      "kitten, sitting, 3", "ca, abc, 3", "Seed, seed, 1"})
  void distanceCountsEditsAndSwaps(String a, String b, int expected) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> [{2}]")
  @CsvSource(delimiter = '|', textBlock = """
      logspac     | values range linspace logspace uniform loguniform choice | logspace
      lingspace   | values range linspace logspace uniform loguniform choice | linspace
      unifrom     | values range linspace logspace uniform loguniform choice | uniform
      colour      | study methods datasets controls figures                   |
      observable  | study observables experiment                              | observables
      SEED        | seed lr p                                                 | seed
      pp          | seed lr p q                                               | p
      p           | seed lr pp q                                              |
      lin         | linspace logspace                                         | linspace
      x           | a b c                                                     |
      tst_acc     | train_acc test_acc                                        | test_acc
      """)
  void suggestsOnlyCloseNames(String wrong, String valid, String expected) {
    List<String> names = Arrays.asList(valid.split(" "));

    List<String> suggestions = Suggestions.nearest(wrong, names);

    assertThat(String.join(" ", suggestions)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ab", "ac"})
  void suggestsAtMostThree(String wrong) {
    assertThat(Suggestions.nearest(wrong, List.of("aa", "ab", "ac", "ad", "ae")))
        .hasSize(Suggestions.LIMIT).doesNotContain(wrong);
  }
}
