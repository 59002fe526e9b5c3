package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
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
      ci9         | none sd se ci95                                           | ci95
      pdf         | png svg                                                   |
      knn         | logreg tree forest knn1 svm gbt                           | knn1
      forrest     | logreg tree forest knn1 svm gbt                           | forest
      mlp         | logreg tree forest knn1 svm gbt                           |
      stpe        | method dataset seed step                                  | step
      """)
  void suggestsOnlyCloseNames(String wrong, String valid, String expected) {
    List<String> names = Arrays.asList(valid.split(" "));

    List<String> suggestions = Suggestions.nearest(wrong, names);

    assertThat(String.join(" ", suggestions)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      logspac | values range linspace logspace | did you mean 'logspace'?
      se      | sd ci95                        | did you mean 'sd'?
      ab      | aa ac ad                       | did you mean 'aa', 'ac' or 'ad'?
      colour  | study methods datasets         |
      """)
  void didYouMeanQuotesTheNearest(String wrong, String valid, String expected) {
    List<String> names = Arrays.asList(valid.split(" "));

    assertThat(Suggestions.didYouMean(wrong, names)).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void hintListsTheValidNamesThenTheNearest() {
    assertThat(Suggestions.hint("c95", List.of("none", "sd", "se", "ci95")))
        .isEqualTo("\n  valid: none, sd, se, ci95\n  did you mean 'ci95'?");
    assertThat(Suggestions.hint("pdf", List.of("png", "svg"))).isEqualTo("\n  valid: png, svg");
    assertThat(Suggestions.hint("fig", List.of())).isEmpty();
  }

  @Test
  void alternativesJoinWithCommasAndOr() {
    assertThat(Suggestions.alternatives(List.of("a"))).isEqualTo("'a'");
    assertThat(Suggestions.alternatives(List.of("a", "b"))).isEqualTo("'a' or 'b'");
    assertThat(Suggestions.alternatives(List.of("a", "b", "c"))).isEqualTo("'a', 'b' or 'c'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ab", "ac"})
  void suggestsAtMostThree(String wrong) {
    assertThat(Suggestions.nearest(wrong, List.of("aa", "ab", "ac", "ad", "ae")))
        .hasSize(Suggestions.LIMIT).doesNotContain(wrong);
  }
}
