package xyz.ml.collapse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xyz.run.CellContext;

/**
 * The neural-collapse measures of one split at one snapshot, as observables named for study files.
 *
 * <p>Notation: h the features of a sample, μ_c the mean of class c, μ_G the mean of the class
 * means, M the d x C matrix of centred means μ_c − μ_G, Σ_W the within-class and
 * Σ_B = M Mᵀ / C the between-class covariance, w_c the row of the classifier for class c and W
 * the C x d classifier. Every measure is 0 at full collapse.
 *
 * <table>
 *   <caption>The observables</caption>
 *   <tr><th>name</th><th>definition</th><th>PNAS 2020</th></tr>
 *   <tr><td>{@code nc1}</td><td>Tr(Σ_W Σ_B⁺) / C</td><td>Fig. 6 (NC1)</td></tr>
 *   <tr><td>{@code nc1_trace}</td><td>Tr(Σ_W Σ_B⁺), without the 1/C, as the authors'
 *       notebook plots it</td><td></td></tr>
 *   <tr><td>{@code cv_means}</td><td>std_c ‖μ_c − μ_G‖ / mean_c ‖μ_c − μ_G‖ (std with n − 1)
 *       </td><td>Fig. 2 (NC2, equinorm)</td></tr>
 *   <tr><td>{@code cos_std_means}</td><td>std over the pairs c &lt; c' of
 *       cos(μ_c − μ_G, μ_c' − μ_G) (population std: divided by the number of pairs)</td>
 *       <td>Fig. 3 (NC2, equiangular)</td></tr>
 *   <tr><td>{@code max_angle_means}</td><td>mean over c ≠ c' of |cos(μ_c − μ_G, μ_c' − μ_G) +
 *       1/(C − 1)|</td><td>Fig. 4 (NC2, max-angle)</td></tr>
 *   <tr><td>{@code cv_classifier}</td><td>std_c ‖w_c‖ / mean_c ‖w_c‖</td><td>Fig. 2</td></tr>
 *   <tr><td>{@code cos_std_classifier}</td><td>std over c &lt; c' of cos(w_c, w_c')</td>
 *       <td>Fig. 3</td></tr>
 *   <tr><td>{@code max_angle_classifier}</td><td>mean over c ≠ c' of |cos(w_c, w_c') +
 *       1/(C − 1)|</td><td>Fig. 4</td></tr>
 *   <tr><td>{@code self_duality}</td><td>‖Wᵀ/‖W‖_F − M/‖M‖_F‖_F², squared</td>
 *       <td>Fig. 5 (NC3)</td></tr>
 *   <tr><td>{@code ncc_mismatch}</td><td>share of samples where argmax_c (w_c·h + b_c) differs
 *       from argmin_c ‖h − μ_c‖, with the <em>training</em> class means</td>
 *       <td>Fig. 7 (NC4)</td></tr>
 * </table>
 *
 * <p>The mean of the off-diagonal cosines is left out on purpose: centred means sum to zero, so
 * with equal norms it is −1/(C − 1) whatever the geometry. The classifier measures are present
 * only when a classifier was given. A value that cannot be computed (features that are all equal
 * or not finite, a class without samples) is NaN, and {@link #missing()} says why.
 *
 * @param observables each measure by name, in the order of the table
 * @param missing the reason for each measure whose value is NaN
 */
public record CollapseMeasures(Map<String, Double> observables, Map<String, String> missing) {

  /** The measures of the features alone, in table order. */
  public static final List<String> FEATURE_MEASURES =
      List.of("nc1", "nc1_trace", "cv_means", "cos_std_means", "max_angle_means");

  /** The measures that need the classifier, in table order. */
  public static final List<String> CLASSIFIER_MEASURES = List.of(
      "cv_classifier", "cos_std_classifier", "max_angle_classifier", "self_duality",
      "ncc_mismatch");

  /** Every measure, in table order. */
  public static final List<String> ALL_MEASURES = concat(FEATURE_MEASURES, CLASSIFIER_MEASURES);

  /** Keeps the maps' order and makes them unmodifiable. */
  public CollapseMeasures {
    observables = Collections.unmodifiableMap(new LinkedHashMap<>(observables));
    missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
  }

  /** The value of one measure, NaN when it could not be computed. */
  public double value(String name) {
    Double v = observables.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no measure '" + name + "' here; there are "
          + observables.keySet());
    }
    return v;
  }

  /** The measures under names that start with {@code prefix}, such as {@code train_}. */
  public Map<String, Double> observables(String prefix) {
    Map<String, Double> out = new LinkedHashMap<>();
    observables.forEach((name, value) -> out.put(prefix + name, value));
    return out;
  }

  /**
   * Records every measure at {@code step} as {@code prefix + name}, and writes one line to the
   * cell's log for each reason some are missing, so that a NaN in the results can be explained.
   */
  public void observe(CellContext cell, long step, String prefix) {
    observables.forEach((name, value) -> cell.observe(step, prefix + name, value));
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    missing.forEach((name, reason) ->
        byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(prefix + name));
    byReason.forEach((reason, names) ->
        cell.out().println("step " + step + ": " + String.join(", ", names) + " missing: "
            + reason));
  }

  /** The names of the measures that could not be computed. */
  public Set<String> missingNames() {
    return missing.keySet();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
