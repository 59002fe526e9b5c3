package xyz.plot;

/**
 * The range an axis shows, in plot units (log10 of the values on a logarithmic axis).
 *
 * @param min the lower end
 * @param max the upper end
 */
record Span(double min, double max) {

  /** The span of the data with a margin of {@code pad} of its length at each end. */
  static Span padded(double min, double max, double pad) {
    if (!(max > min)) {
      double half = min == 0 ? 0.5 : Math.abs(min) * 0.05;
      return new Span(min - half, min + half);
    }
    double margin = (max - min) * pad;
    return new Span(min - margin, max + margin);
  }

  double length() {
    return max - min;
  }
}
