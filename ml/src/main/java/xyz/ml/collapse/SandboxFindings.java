package xyz.ml.collapse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What one run of the unconstrained-features sandbox must show, after the authors: NC1 falls by
 * at least three orders of magnitude from the first snapshot, and at the last step the equinorm
 * coefficients of variation, the cosine spreads, the max-angle measures and self-duality are all
 * below {@value #SMALL}, with no NCC mismatch.
 */
public final class SandboxFindings {

  /** The bound on the NC2 and NC3 measures at the last step. */
  public static final double SMALL = 0.05;

  /** The factor NC1 must fall by, from the first snapshot to the last. */
  public static final double NC1_FALL = 1e3;

  /** The measures that must end below {@link #SMALL}. */
  public static final List<String> ENDING_SMALL = List.of("cv_means", "cv_classifier",
      "cos_std_means", "cos_std_classifier", "max_angle_means", "max_angle_classifier",
      "self_duality");

  private SandboxFindings() {}

  /**
   * The ways one run falls short, empty when it shows collapse.
   *
   * @param run a label for the messages, such as the cell's id
   * @param series each observable's values by step
   */
  public static List<String> violations(String run,
      Map<String, NavigableMap<Long, Double>> series) {
    List<String> out = new ArrayList<>();
    NavigableMap<Long, Double> nc1 = series.get("nc1");
    if (nc1 == null || nc1.isEmpty()) {
      out.add(run + ": no nc1 recorded");
      return out;
    }
    double first = nc1.firstEntry().getValue();
    double last = nc1.lastEntry().getValue();
    if (!(last * NC1_FALL <= first)) {
      out.add(String.format(Locale.ROOT, "%s: nc1 fell from %.3g (step %d) to %.3g (step %d),"
          + " less than %.0fx", run, first, nc1.firstKey(), last, nc1.lastKey(), NC1_FALL));
    }
    for (String name : ENDING_SMALL) {
      double end = last(series, name);
      if (!(end < SMALL)) {
        out.add(String.format(Locale.ROOT, "%s: %s ends at %.3g, not below %s", run, name, end,
            SMALL));
      }
    }
    double mismatch = last(series, "ncc_mismatch");
    if (mismatch != 0) {
      out.add(String.format(Locale.ROOT, "%s: ncc_mismatch ends at %.3g, not 0", run, mismatch));
    }
    return out;
  }

  private static double last(Map<String, NavigableMap<Long, Double>> series, String name) {
    NavigableMap<Long, Double> s = series.get(name);
    return s == null || s.isEmpty() ? Double.NaN : s.lastEntry().getValue();
  }
}
