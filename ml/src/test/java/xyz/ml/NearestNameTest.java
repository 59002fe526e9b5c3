package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestNameTest {

  private static final List<String> METHODS =
      List.of("logreg", "tree", "forest", "knn1", "svm", "gbt");

  @ParameterizedTest
  @CsvSource({"knn, knn1", "KNN1, knn1", "forrest, forest", "tre, tree", "logreg, logreg",
      "svn, svm", "gbm, gbt"})
  void close_names_find_their_match(String typed, String nearest) {
    assertThat(NearestName.of(typed, METHODS)).contains(nearest);
  }

  @ParameterizedTest
  @CsvSource({"mlp", "resnet", "x"})
  void far_names_find_none(String typed) {
    assertThat(NearestName.of(typed, METHODS)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"kitten, sitting, 3", "'', abc, 3", "flaw, lawn, 2", "same, same, 0"})
  void distance_is_levenshtein(String a, String b, int distance) {
    assertThat(NearestName.distance(a, b)).isEqualTo(distance);
  }
}
