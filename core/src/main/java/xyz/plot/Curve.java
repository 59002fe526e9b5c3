package xyz.plot;

/**
 * One line of one panel after averaging: at each x, the mean and the band around it.
 *
 * @param series the series number (see {@link Frame#series})
 * @param x the x positions, ascending
 * @param mean the mean at each x
 * @param lower the lower edge of the band at each x, or null when the figure draws no band
 * @param upper the upper edge of the band, or null
 */
record Curve(int series, double[] x, double[] mean, double[] lower, double[] upper) {

  /** How many points the line has. */
  int length() {
    return x.length;
  }

  /** Whether the line carries a band. */
  boolean hasBand() {
    return lower != null;
  }
}
