package xyz.ml.collapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollapseMetricsTest {

  private static final Offset<Double> EXACT = within(1e-10);

  @ParameterizedTest(name = "C={0}, d={1}, r={2}")
  @CsvSource({"2, 2, 1.0, 11", "3, 5, 2.0, 12", "10, 20, 1.0, 13", "5, 64, 0.5, 14"})
  void aSimplexWithoutNoiseIsFullyCollapsed(int classes, int dim, double norm, long seed) {
    Random random = new Random(seed);
    SimplexFixture simplex = new SimplexFixture(classes, dim, norm, random);
    double[] offset = new double[dim];
    for (int j = 0; j < dim; j++) {
      offset[j] = 3 * random.nextGaussian();
    }
    // The offset moves the global mean away from 0: the measures must centre the means, not
    // the classifier, whose rows are the centred means themselves (self-dual).
    double[][] features = simplex.samples(7, 0, offset, random);
    double[] bias = new double[classes];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < dim; j++) {
        bias[c] -= simplex.means[c][j] * offset[j];
      }
    }

    CollapseMeasures measures = CollapseMetrics.measure(
        features, simplex.labels(7), classes, simplex.means, bias);

    assertThat(measures.observables()).containsOnlyKeys(CollapseMeasures.ALL_MEASURES);
    assertThat(measures.missing()).isEmpty();
    for (String name : CollapseMeasures.ALL_MEASURES) {
      assertThat(measures.value(name)).as(name).isCloseTo(0.0, EXACT);
    }
  }

  @ParameterizedTest(name = "C={0}, d={1}, r={2}, s={3}, n={4}")
  @CsvSource({
      "10, 20, 1.0, 0.1, 2000, 21",
      "3, 8, 2.0, 0.3, 5000, 22",
      "5, 30, 1.5, 0.2, 3000, 23"})
  void isotropicNoiseGivesTheNoiseInTheSpanOfTheMeans(int classes, int dim, double norm,
      double sd, int perClass, long seed) {
    Random random = new Random(seed);
    SimplexFixture simplex = new SimplexFixture(classes, dim, norm, random);
    double[][] features = simplex.samples(perClass, sd, new double[dim], random);

    CollapseMeasures measures =
        CollapseMetrics.measure(features, simplex.labels(perClass), classes, null, null);

    // Sigma_W = s^2 I; Sigma_B has C-1 eigenvalues r^2/(C-1), so Tr(Sigma_W Sigma_B^+) =
    // s^2 (C-1)^2 / r^2: only the noise within the span of the means counts.
    double expected = sd * sd * (classes - 1) * (classes - 1) / (classes * norm * norm);
    assertThat(measures.value("nc1")).isCloseTo(expected, Percentage.withPercentage(3));
    assertThat(measures.value("nc1_trace"))
        .isCloseTo(classes * measures.value("nc1"), within(1e-12 * classes));
    assertThat(measures.observables()).containsOnlyKeys(CollapseMeasures.FEATURE_MEASURES);
  }

  @Test
  void threeClassesInThePlaneByHand() {
    // Class 0: (0,0), (2,0); class 1: (0,2), (0,4); class 2: (-1,-2), (-1,-4).
    // Means (1,0), (0,3), (-1,-3) sum to 0, so they are also the centred means M.
    double[][] features = {{0, 0}, {2, 0}, {0, 2}, {0, 4}, {-1, -2}, {-1, -4}};
    int[] labels = {0, 0, 1, 1, 2, 2};
    double[][] w = {{1, 0}, {0, 1}, {-1, -1}};
    double[] b = {0.25, 0, -4.5};

    CollapseMeasures m = CollapseMetrics.measure(features, labels, 3, w, b);

    // Deviations (+-1, 0), (0, +-1), (0, +-1) over N = 6: Sigma_W = diag(1/3, 2/3).
    // Sigma_B = (1/3) sum m m^T = [[2/3, 1], [1, 6]], det 3, inverse [[2, -1/3], [-1/3, 2/9]].
    // Tr(Sigma_W Sigma_B^-1) = (1/3)(2) + (2/3)(2/9) = 22/27.
    assertThat(m.value("nc1_trace")).isCloseTo(22.0 / 27, EXACT);
    assertThat(m.value("nc1")).isCloseTo(22.0 / 81, EXACT);
    // Norms 1, 3, sqrt 10: mean (4 + sqrt 10)/3, variance with n-1 = (34 - 8 sqrt 10)/6.
    double r10 = Math.sqrt(10);
    assertThat(m.value("cv_means"))
        .isCloseTo(Math.sqrt((34 - 8 * r10) / 6) / ((4 + r10) / 3), EXACT);
    // Cosines 0, -1/sqrt 10, -3/sqrt 10: in units of 1/sqrt 10 the deviations from the mean
    // -4/3 are 4/3, 1/3, -5/3, so the variance is (42/9)/3 / 10 and the std sqrt(14/90).
    assertThat(m.value("cos_std_means")).isCloseTo(Math.sqrt(14.0 / 90), EXACT);
    // |0 + 1/2| + |-1/sqrt 10 + 1/2| + |-3/sqrt 10 + 1/2| = 1/2 + 2/sqrt 10, over 3 pairs.
    assertThat(m.value("max_angle_means")).isCloseTo((0.5 + 2 / r10) / 3, EXACT);
    // Rows of norms 1, 1, sqrt 2: mean (2 + sqrt 2)/3, variance (3 - 2 sqrt 2)/3.
    double r2 = Math.sqrt(2);
    assertThat(m.value("cv_classifier"))
        .isCloseTo(Math.sqrt((3 - 2 * r2) / 3) / ((2 + r2) / 3), EXACT);
    // Cosines 0, -1/sqrt 2, -1/sqrt 2: variance (2/9)(1/2), std 1/3.
    assertThat(m.value("cos_std_classifier")).isCloseTo(1.0 / 3, EXACT);
    assertThat(m.value("max_angle_classifier")).isCloseTo((r2 - 0.5) / 3, EXACT);
    // ||W^T/|W| - M/|M|||^2 = 2 - 2 <W^T, M> / (|W| |M|) with <W^T, M> = 1 + 3 + 1 + 3 = 8,
    // |W| = 2 and |M| = sqrt 20: 2 - 4/sqrt 5.
    assertThat(m.value("self_duality")).isCloseTo(2 - 4 / Math.sqrt(5), EXACT);
    // Logits of (-1,-2) are (-0.75, -2, -1.5): class 0, but its nearest mean is class 2's.
    // The five other points agree (the classifier picks the class of the nearest mean).
    assertThat(m.value("ncc_mismatch")).isCloseTo(1.0 / 6, EXACT);
    assertThat(m.missing()).isEmpty();
  }

  @Test
  void nccMismatchOnTestUsesTheGivenTrainingMeans() {
    double[][] train = {{0, 0}, {2, 0}, {0, 2}, {0, 4}, {-1, -2}, {-1, -4}};
    int[] labels = {0, 0, 1, 1, 2, 2};
    double[][] w = {{1, 0}, {0, 1}, {-1, -1}};
    double[] b = {0.25, 0, -4.5};
    ClassMeans trainMeans = ClassMeans.of(train, labels, 3);
    // One test point per class, so the test split's own means are the points themselves.
    // (0, 1.6) of class 0 gets logits (0.25, 1.6, -6.1): class 1, whose training mean (0, 3)
    // is nearer than (1, 0) (1.96 against 3.56): no mismatch with the training means, one
    // with the test split's own means. The other two points agree either way.
    double[][] test = {{0, 1.6}, {0, 3}, {-1, -3}};
    int[] testLabels = {0, 1, 2};

    CollapseMeasures withTrainMeans =
        CollapseMetrics.measure(test, testLabels, 3, w, b, trainMeans);
    CollapseMeasures withOwnMeans = CollapseMetrics.measure(test, testLabels, 3, w, b);

    assertThat(withTrainMeans.value("ncc_mismatch")).isEqualTo(0.0);
    assertThat(withOwnMeans.value("ncc_mismatch")).isCloseTo(1.0 / 3, EXACT);
    assertThat(withTrainMeans.value("nc1")).isEqualTo(withOwnMeans.value("nc1"));
  }

  @Test
  void allZeroFeaturesAreFlaggedNotACrash() {
    float[][] features = new float[30][8];
    int[] labels = new int[30];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
    }
    Random random = new Random(31);
    float[][] w = new float[3][8];
    for (float[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }

    CollapseMeasures m = CollapseMetrics.measure(features, labels, 3, w, new float[3]);

    List<String> undefined = new ArrayList<>(CollapseMeasures.FEATURE_MEASURES);
    undefined.add("self_duality");
    undefined.add("ncc_mismatch");
    assertThat(m.missing()).containsOnlyKeys(undefined);
    assertThat(m.missing().get("nc1")).contains("same mean").contains("dead network");
    for (String name : undefined) {
      assertThat(m.value(name)).as(name).isNaN();
    }
    // The classifier's own geometry does not depend on the features.
    assertThat(m.value("cv_classifier")).isFinite().isPositive();
    assertThat(m.value("max_angle_classifier")).isFinite().isPositive();
  }

  @Test
  void divergedFeaturesAreFlaggedWithTheirReason() {
    double[][] features = {{1, 0}, {0, Double.NaN}, {2, 2}, {3, 1}};
    int[] labels = {0, 1, 0, 1};

    CollapseMeasures m = CollapseMetrics.measure(features, labels, 2, null, null);

    assertThat(m.missing()).containsOnlyKeys(CollapseMeasures.FEATURE_MEASURES);
    assertThat(m.missing().get("cv_means")).contains("NaN or infinite");
  }

  @Test
  void aClassWithoutSamplesIsNamed() {
    double[][] features = {{1, 0}, {0, 1}, {2, 2}};
    int[] labels = {0, 2, 0};

    CollapseMeasures m = CollapseMetrics.measure(features, labels, 3, null, null);

    assertThat(m.value("nc1")).isNaN();
    assertThat(m.missing().get("nc1")).isEqualTo("class 1 has no samples in this split");
  }

  @Test
  void argumentsThatDoNotFitAreRefused() {
    double[][] features = {{1, 0}, {0, 1}};
    assertThatThrownBy(() -> CollapseMetrics.measure(features, new int[] {0, 2}, 2, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels[1] is 2, outside [0, 2)");
    assertThatThrownBy(() -> CollapseMetrics.measure(
        features, new int[] {0, 1}, 2, new double[][] {{1, 0, 0}, {0, 1, 0}}, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classifier row 0 has 3 entries; the features have 2");
  }
}
