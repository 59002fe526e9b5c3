package xyz.study;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The one way xyz turns a parameter value into text: in cell ids, command placeholders,
 * environment variables, CSV files, legends and facet strips. Doubles are rounded to 12
 * significant digits, so that {@code 0.1 * 3} reads {@code 0.3} and a logspace level reads {@code
 * 0.001}, never {@code 0.0010000000000000002}.
 */
public final class Values {
  private static final MathContext DIGITS = new MathContext(12);

  private Values() {}

  /** The readable, canonical text of a level. */
  public static String label(Object value) {
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Float f) {
      return number(f.doubleValue());
    }
    return String.valueOf(value);
  }

  /**
   * The label among {@code labels} that {@code text} names: the text itself, or, for a number
   * written another way ({@code 1.0} for {@code 1}, {@code 1e-3} for {@code 0.001}), the label of
   * that number. Null when none matches.
   */
  public static String matchLabel(java.util.List<String> labels, String text) {
    if (labels.contains(text)) {
      return text;
    }
    double d;
    try {
      d = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
    String asNumber = label(round(d));
    if (labels.contains(asNumber)) {
      return asNumber;
    }
    if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      String integral = Long.toString((long) d);
      return labels.contains(integral) ? integral : null;
    }
    return null;
  }

  /** Rounds a computed double to the precision xyz keeps, so equal labels mean equal values. */
  public static double round(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
      return value;
    }
    return new BigDecimal(value).round(DIGITS).doubleValue();
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(d).round(DIGITS).stripTrailingZeros();
    int exponent = b.precision() - b.scale() - 1;
    if (exponent < -6 || exponent > 15) {
      return b.toString().replace("E+", "e").replace("E", "e");
    }
    return b.toPlainString();
  }
}
