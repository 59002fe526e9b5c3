package xyz.ml.collapse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The neural-collapse measures NC1 to NC4 of Papyan, Han and Donoho (PNAS 2020) for the features
 * of one split and the last layer that reads them; see {@link CollapseMeasures} for the table of
 * names and definitions.
 *
 * <p>Measure each split on its own and prefix the names ({@code train_}, {@code test_}). The
 * feature measures of a split use that split's class means; NCC mismatch on the test split must
 * use the training class means: pass them with
 * {@link #measure(float[][], int[], int, float[][], float[], ClassMeans)}.
 *
 * <p>Σ_B⁺ is the pseudo-inverse over the top C − 1 singular directions of the centred means
 * (those above the usual rank tolerance), as in the authors' notebook, which keeps the null
 * space of Σ_B out; the trace is then taken through the projections of the within-class
 * deviations on those directions, so no d x d matrix is formed.
 *
 * <p>Arguments that do not fit together (label count, label range, classifier shape) throw
 * {@link IllegalArgumentException}; values that make a measure undefined give NaN with a reason.
 */
public final class CollapseMetrics {

  private CollapseMetrics() {}

  /**
   * Measures one split.
   *
   * @param features n x d, one row a sample (the input of the last layer)
   * @param labels the class of each row, in [0, classes)
   * @param classes the number of classes C, at least 2
   * @param classifier C x d, the last layer's weights; null for the feature measures only
   * @param bias length C, the last layer's bias; null for none
   */
  public static CollapseMeasures measure(float[][] features, int[] labels, int classes,
      float[][] classifier, float[] bias) {
    return measure(features, labels, classes, classifier, bias, null);
  }

  /**
   * Measures one split, with NCC mismatch against given class means (the training split's, when
   * this is the test split); null means this split's own.
   */
  public static CollapseMeasures measure(float[][] features, int[] labels, int classes,
      float[][] classifier, float[] bias, ClassMeans nccMeans) {
    return measure(FeatureRows.of(features, "features"), labels, classes,
        classifier == null ? null : toDouble(classifier, "classifier"), toDouble(bias),
        nccMeans);
  }

  /** Measures one split; see {@link #measure(float[][], int[], int, float[][], float[])}. */
  public static CollapseMeasures measure(double[][] features, int[] labels, int classes,
      double[][] classifier, double[] bias) {
    return measure(features, labels, classes, classifier, bias, null);
  }

  /**
   * Measures one split, with NCC mismatch against given class means; see
   * {@link #measure(float[][], int[], int, float[][], float[], ClassMeans)}.
   */
  public static CollapseMeasures measure(double[][] features, int[] labels, int classes,
      double[][] classifier, double[] bias, ClassMeans nccMeans) {
    return measure(FeatureRows.of(features, "features"), labels, classes, classifier, bias,
        nccMeans);
  }

  private static CollapseMeasures measure(FeatureRows features, int[] labels, int classes,
      double[][] classifier, double[] bias, ClassMeans nccMeans) {
    ClassMeans.checkLabels(labels, features.count(), classes);
    int dim = features.dim();
    if (classifier != null) {
      checkClassifier(classifier, bias, classes, dim);
    }
    if (nccMeans != null && (nccMeans.classes() != classes || nccMeans.dim() != dim)) {
      throw new IllegalArgumentException("the NCC means are " + nccMeans.classes() + " x "
          + nccMeans.dim() + ", the features need " + classes + " x " + dim);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, String> missing = new LinkedHashMap<>();

    ClassMeans means = ClassMeans.of(features, labels, classes);
    double[][] centred = null;
    String featureProblem = featureProblem(features, means);
    if (featureProblem == null) {
      centred = centred(means);
      featureMeasures(features, labels, means, centred, values, missing);
    } else {
      for (String name : CollapseMeasures.FEATURE_MEASURES) {
        flag(name, featureProblem, values, missing);
      }
    }
    if (classifier != null) {
      classifierMeasures(classifier, values, missing);
      if (centred == null) {
        flag("self_duality", featureProblem, values, missing);
      } else {
        selfDuality(classifier, centred, values, missing);
      }
      ClassMeans reference = nccMeans == null ? means : nccMeans;
      String nccProblem = featureProblem != null && nccMeans == null ? featureProblem
          : nccProblem(features, reference);
      if (nccProblem == null) {
        values.put("ncc_mismatch", nccMismatch(features, classifier, bias, reference));
      } else {
        flag("ncc_mismatch", nccProblem, values, missing);
      }
    }
    return new CollapseMeasures(values, missing);
  }

  private static String featureProblem(FeatureRows features, ClassMeans means) {
    if (!features.finite()) {
      return "the features hold NaN or infinite values (did training diverge?)";
    }
    int empty = means.firstEmpty();
    if (empty >= 0) {
      return "class " + empty + " has no samples in this split";
    }
    if (allMeansEqual(means)) {
      return "every class has the same mean feature (between-class covariance is zero;"
          + " are the features all zero, as from a dead network?)";
    }
    return null;
  }

  private static String nccProblem(FeatureRows features, ClassMeans reference) {
    if (!features.finite()) {
      return "the features hold NaN or infinite values (did training diverge?)";
    }
    int empty = reference.firstEmpty();
    if (empty >= 0) {
      return "class " + empty + " has no samples in the split that gave the class means";
    }
    if (allMeansEqual(reference)) {
      return "every class has the same mean feature, so the nearest class centre is undefined";
    }
    return null;
  }

  private static void featureMeasures(FeatureRows features, int[] labels, ClassMeans means,
      double[][] centred, Map<String, Double> values, Map<String, String> missing) {
    int classes = centred.length;
    double trace = withinOverBetween(features, labels, means, centred);
    values.put("nc1", trace / classes);
    values.put("nc1_trace", trace);
    String zero = "a centred class mean is zero, so its angles are undefined";
    vectorGeometry(centred, "means", zero, values, missing);
  }

  private static void classifierMeasures(double[][] classifier, Map<String, Double> values,
      Map<String, String> missing) {
    String problem = null;
    if (!finite(classifier)) {
      problem = "the classifier holds NaN or infinite weights (did training diverge?)";
    } else if (normFrobenius(classifier) == 0) {
      problem = "the classifier's weights are all zero";
    }
    if (problem != null) {
      for (String name : new String[] {"cv_classifier", "cos_std_classifier",
          "max_angle_classifier"}) {
        flag(name, problem, values, missing);
      }
      return;
    }
    vectorGeometry(classifier, "classifier",
        "a classifier row is zero, so its angles are undefined", values, missing);
  }

  /** Equinorm, cosine spread and max-angle of the C vectors {@code rows}. */
  private static void vectorGeometry(double[][] rows, String suffix, String zeroReason,
      Map<String, Double> values, Map<String, String> missing) {
    int classes = rows.length;
    double[] norms = new double[classes];
    double meanNorm = 0;
    for (int c = 0; c < classes; c++) {
      norms[c] = Math.sqrt(dot(rows[c], rows[c]));
      meanNorm += norms[c] / classes;
    }
    double variance = 0;
    for (double n : norms) {
      variance += (n - meanNorm) * (n - meanNorm) / (classes - 1);
    }
    values.put("cv_" + suffix, Math.sqrt(variance) / meanNorm);

    for (double n : norms) {
      if (n == 0) {
        flag("cos_std_" + suffix, zeroReason, values, missing);
        flag("max_angle_" + suffix, zeroReason, values, missing);
        return;
      }
    }
    // Two passes over the cosines: the one-pass sum of squares loses the small spread of a
    // nearly collapsed frame to cancellation.
    double[] cosines = new double[classes * (classes - 1) / 2];
    int pairs = 0;
    for (int c = 0; c < classes; c++) {
      for (int k = c + 1; k < classes; k++) {
        cosines[pairs++] = dot(rows[c], rows[k]) / (norms[c] * norms[k]);
      }
    }
    double mean = 0;
    for (double cos : cosines) {
      mean += cos / pairs;
    }
    double spread = 0;
    double offset = 0;
    for (double cos : cosines) {
      spread += (cos - mean) * (cos - mean) / pairs;
      offset += Math.abs(cos + 1.0 / (classes - 1));
    }
    values.put("cos_std_" + suffix, Math.sqrt(spread));
    values.put("max_angle_" + suffix, offset / pairs);
  }

  private static void selfDuality(double[][] classifier, double[][] centred,
      Map<String, Double> values, Map<String, String> missing) {
    double normW = normFrobenius(classifier);
    if (!(normW > 0) || !Double.isFinite(normW)) {
      flag("self_duality", "the classifier's weights are all zero or not finite", values,
          missing);
      return;
    }
    double normM = normFrobenius(centred);
    double sum = 0;
    for (int c = 0; c < centred.length; c++) {
      for (int j = 0; j < centred[c].length; j++) {
        double e = classifier[c][j] / normW - centred[c][j] / normM;
        sum += e * e;
      }
    }
    values.put("self_duality", sum);
  }

  /**
   * Tr(Σ_W Σ_B⁺) through the SVD of the centred means: with M = U S Vᵀ, Σ_B⁺ = U (C/S²) Uᵀ on
   * the kept directions, so the trace is Σ_k (C/s_k²) u_kᵀ Σ_W u_k.
   */
  private static double withinOverBetween(FeatureRows features, int[] labels, ClassMeans means,
      double[][] centred) {
    int classes = centred.length;
    int dim = centred[0].length;
    DMatrixRMaj m = new DMatrixRMaj(dim, classes);
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < dim; j++) {
        m.set(j, c, centred[c][j]);
      }
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(dim, classes, true, false, true);
    if (!svd.decompose(m)) {
      throw new IllegalStateException("the SVD of the centred class means did not converge");
    }
    double[] singular = svd.getSingularValues();
    int found = svd.numberOfSingularValues();
    DMatrixRMaj u = svd.getU(null, false);
    double largest = 0;
    for (int k = 0; k < found; k++) {
      largest = Math.max(largest, singular[k]);
    }
    double tolerance = largest * Math.max(dim, classes) * Math.ulp(1.0);
    Integer[] order = new Integer[found];
    for (int k = 0; k < found; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(singular[b], singular[a]));
    int kept = 0;
    int[] directions = new int[Math.min(found, classes - 1)];
    for (int k = 0; k < directions.length && singular[order[k]] > tolerance; k++) {
      directions[kept++] = order[k];
    }

    double[] projected = new double[kept];
    double[] row = new double[dim];
    for (int i = 0; i < features.count(); i++) {
      features.copy(i, row);
      double[] mu = means.meanView(labels[i]);
      for (int j = 0; j < dim; j++) {
        row[j] -= mu[j];
      }
      for (int k = 0; k < kept; k++) {
        double p = 0;
        int col = directions[k];
        for (int j = 0; j < dim; j++) {
          p += row[j] * u.unsafe_get(j, col);
        }
        projected[k] += p * p;
      }
    }
    double trace = 0;
    for (int k = 0; k < kept; k++) {
      double s = singular[directions[k]];
      trace += (projected[k] / features.count()) * classes / (s * s);
    }
    return trace;
  }

  private static double nccMismatch(FeatureRows features, double[][] classifier, double[] bias,
      ClassMeans reference) {
    double[] row = new double[features.dim()];
    int mismatched = 0;
    for (int i = 0; i < features.count(); i++) {
      features.copy(i, row);
      int predicted = 0;
      double best = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classifier.length; c++) {
        double logit = dot(classifier[c], row) + (bias == null ? 0 : bias[c]);
        if (logit > best) {
          best = logit;
          predicted = c;
        }
      }
      if (predicted != reference.nearest(row)) {
        mismatched++;
      }
    }
    return (double) mismatched / features.count();
  }

  private static double[][] centred(ClassMeans means) {
    int classes = means.classes();
    int dim = means.dim();
    double[] global = new double[dim];
    for (int c = 0; c < classes; c++) {
      double[] mu = means.meanView(c);
      for (int j = 0; j < dim; j++) {
        global[j] += mu[j] / classes;
      }
    }
    double[][] centred = new double[classes][dim];
    for (int c = 0; c < classes; c++) {
      double[] mu = means.meanView(c);
      for (int j = 0; j < dim; j++) {
        centred[c][j] = mu[j] - global[j];
      }
    }
    return centred;
  }

  private static boolean allMeansEqual(ClassMeans means) {
    double[] first = means.meanView(0);
    for (int c = 1; c < means.classes(); c++) {
      if (!java.util.Arrays.equals(first, means.meanView(c))) {
        return false;
      }
    }
    return true;
  }

  private static void flag(String name, String reason, Map<String, Double> values,
      Map<String, String> missing) {
    values.put(name, Double.NaN);
    missing.put(name, reason);
  }

  private static void checkClassifier(double[][] classifier, double[] bias, int classes,
      int dim) {
    if (classifier.length != classes) {
      throw new IllegalArgumentException(
          "the classifier has " + classifier.length + " rows for " + classes + " classes");
    }
    for (int c = 0; c < classes; c++) {
      if (classifier[c] == null || classifier[c].length != dim) {
        throw new IllegalArgumentException("classifier row " + c + " has "
            + (classifier[c] == null ? "no" : classifier[c].length)
            + " entries; the features have " + dim);
      }
    }
    if (bias != null && bias.length != classes) {
      throw new IllegalArgumentException(
          "the bias has " + bias.length + " entries for " + classes + " classes");
    }
  }

  private static boolean finite(double[][] rows) {
    for (double[] row : rows) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private static double normFrobenius(double[][] rows) {
    double sum = 0;
    for (double[] row : rows) {
      sum += dot(row, row);
    }
    return Math.sqrt(sum);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  private static double[][] toDouble(float[][] rows, String what) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null) {
        throw new IllegalArgumentException(what + " row " + i + " is null");
      }
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = rows[i][j];
      }
    }
    return out;
  }

  private static double[] toDouble(float[] values) {
    if (values == null) {
      return null;
    }
    double[] out = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      out[j] = values[j];
    }
    return out;
  }
}
