package xyz.ml;

import xyz.UserError;
import xyz.run.CellContext;

/**
 * Reads a cell's optional controls for one experiment: each control the cell lacks takes its
 * default, and a level out of range fails the cell with the range, the default and the fix.
 */
public final class Controls {

  private final CellContext cell;
  private final String experiment;

  /**
   * Controls of one cell.
   *
   * @param cell the cell whose parameters are read
   * @param experiment the experiment, for messages, such as {@code the neural-collapse experiment}
   */
  public Controls(CellContext cell, String experiment) {
    this.cell = cell;
    this.experiment = experiment;
  }

  /**
   * A whole-number control.
   *
   * @param name the control
   * @param fallback its value when the cell lacks it
   * @param min the smallest valid value
   * @param max the largest valid value
   * @throws UserError when the cell's value lies outside [min, max]
   */
  public long integer(String name, long fallback, long min, long max) {
    if (!cell.params().containsKey(name)) {
      return fallback;
    }
    long value = cell.integer(name);
    if (value < min || value > max) {
      throw new UserError("controls." + name + ": " + value + " is out of range for "
          + experiment + "\n  valid: whole numbers from " + min + " to " + max
          + "\n  fix: choose levels in that range (default " + fallback + ")");
    }
    return value;
  }

  /**
   * A finite, positive control (or non-negative where zero is allowed), with no upper bound.
   *
   * @see #number(String, double, boolean, double)
   */
  public double number(String name, double fallback, boolean zeroAllowed) {
    return number(name, fallback, zeroAllowed, Double.POSITIVE_INFINITY);
  }

  /**
   * A finite, positive control (or non-negative where zero is allowed), below a bound.
   *
   * @param name the control
   * @param fallback its value when the cell lacks it
   * @param zeroAllowed whether 0 is valid
   * @param below the bound every valid value lies under, or infinity for none
   * @throws UserError when the cell's value is not finite or lies outside the range
   */
  public double number(String name, double fallback, boolean zeroAllowed, double below) {
    if (!cell.params().containsKey(name)) {
      return fallback;
    }
    double value = cell.number(name);
    boolean low = value > 0 || (zeroAllowed && value == 0);
    if (!(Double.isFinite(value) && low && value < below)) {
      throw new UserError("controls." + name + ": " + value + " is not a valid " + name
          + " for " + experiment + "\n  valid: finite numbers " + (zeroAllowed ? ">= 0" : "> 0")
          + (below < Double.POSITIVE_INFINITY ? " and < " + bound(below) : "")
          + "\n  fix: choose levels such as " + fallback);
    }
    return value;
  }

  // A whole bound reads as one ("< 1"), as a study file would write it.
  private static String bound(double below) {
    return below == Math.rint(below) ? Long.toString((long) below) : Double.toString(below);
  }
}
