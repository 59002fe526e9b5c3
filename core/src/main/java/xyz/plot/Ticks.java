package xyz.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses where an axis has ticks and writes their labels, the same whatever the machine's
 * locale: round steps of 1, 2, 2.5 or 5 times a power of ten, labels with as many decimals as
 * the step needs (so {@code 0.3}, never {@code 0.30000000000000004}), and powers of ten on a
 * logarithmic axis.
 */
final class Ticks {
  private static final double[] MANTISSAS = {1, 2, 2.5, 5};

  private Ticks() {}

  /**
   * Ticks on a linear axis, about one per {@code spacing} pixels, at least two where the range
   * allows.
   *
   * @param pixels the length of the axis in pixels
   */
  static List<Tick> linear(double min, double max, double pixels, double spacing) {
    return linear(min, max, pixels, spacing, false);
  }

  /**
   * Ticks on a linear axis; with {@code integers}, only at whole numbers (steps, epochs).
   */
  static List<Tick> linear(double min, double max, double pixels, double spacing,
      boolean integers) {
    double target = Math.max(2, pixels / spacing);
    double raw = (max - min) / target;
    if (!(raw > 0) || !Double.isFinite(raw)) {
      return List.of(new Tick(min, decimal(BigDecimal.valueOf(min), 0)));
    }
    int exponent = (int) Math.floor(Math.log10(raw));
    if (integers) {
      exponent = Math.max(0, exponent);
    }
    for (int attempt = 0; attempt < 3; attempt++, exponent++) {
      for (double mantissa : MANTISSAS) {
        BigDecimal step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent);
        if (integers && step.stripTrailingZeros().scale() > 0) {
          continue;
        }
        // A step a little under the ideal is taken, so that 0.2 wins over 0.25 at 0.22.
        if (step.doubleValue() >= raw * 0.85) {
          return steps(min, max, step);
        }
      }
    }
    return steps(min, max, BigDecimal.TEN.scaleByPowerOfTen(exponent));
  }

  private static List<Tick> steps(double min, double max, BigDecimal step) {
    double size = step.doubleValue();
    long first = (long) Math.ceil(min / size - 1e-9);
    long last = (long) Math.floor(max / size + 1e-9);
    int digits = Math.max(0, step.stripTrailingZeros().scale());
    boolean scientific = Math.max(Math.abs(min), Math.abs(max)) >= 1e6
        || size < 1e-4;
    List<Tick> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      BigDecimal value = step.multiply(BigDecimal.valueOf(k));
      ticks.add(new Tick(value.doubleValue(),
          scientific ? scientific(value) : decimal(value, digits)));
    }
    return ticks;
  }

  /**
   * Ticks on a logarithmic axis; {@code min} and {@code max} are log10 of the range. Powers of
   * ten when the range spans two or more (written 1e-4 and 1e5 from there on), labelling every
   * second or fifth when there are many; otherwise 1, 2 and 5 times them; otherwise linear steps
   * of the values.
   */
  static List<Tick> log(double min, double max, double pixels, double spacing) {
    int target = (int) Math.max(2, pixels / spacing);
    int low = (int) Math.ceil(min - 1e-9);
    int high = (int) Math.floor(max + 1e-9);
    int decades = high - low + 1;
    if (decades >= 2) {
      int every = 1;
      while ((decades + every - 1) / every > target) {
        every = every == 1 ? 2 : every == 2 ? 3 : every == 3 ? 5 : every * 2;
      }
      List<Tick> ticks = new ArrayList<>();
      for (int e = low; e <= high; e++) {
        Tick decade = power(BigDecimal.ONE, e);
        // Decades without a label still get a grid line.
        ticks.add(Math.floorMod(e, every) == 0 ? decade : new Tick(decade.position(), ""));
      }
      return ticks;
    }
    List<Tick> ticks = new ArrayList<>();
    for (int e = (int) Math.floor(min) - 1; e <= (int) Math.ceil(max); e++) {
      for (int mantissa : new int[] {1, 2, 5}) {
        double position = Math.log10(mantissa) + e;
        if (position >= min - 1e-9 && position <= max + 1e-9) {
          ticks.add(power(BigDecimal.valueOf(mantissa), e));
        }
      }
    }
    if (ticks.size() >= 2 && ticks.size() <= target + 1) {
      return ticks;
    }
    List<Tick> values = new ArrayList<>();
    for (Tick t : linear(Math.pow(10, min), Math.pow(10, max), pixels, spacing)) {
      double value = Double.parseDouble(t.label().replace("e", "E"));
      if (value > 0) {
        values.add(new Tick(Math.log10(value), t.label()));
      }
    }
    return values;
  }

  private static Tick power(BigDecimal mantissa, int exponent) {
    BigDecimal value = mantissa.scaleByPowerOfTen(exponent);
    String label = exponent < -3 || exponent > 4 ? scientific(value)
        : value.stripTrailingZeros().toPlainString();
    return new Tick(Math.log10(value.doubleValue()), label);
  }

  /** Ticks at the categories 0, 1, 2... of an axis of text levels. */
  static List<Tick> categories(List<String> labels) {
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      ticks.add(new Tick(i, labels.get(i)));
    }
    return ticks;
  }

  private static String decimal(BigDecimal value, int digits) {
    return value.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Writes {@code 2.5e-5} or {@code 1e6}: a mantissa without trailing zeros and an exponent. */
  static String scientific(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    BigDecimal mantissa = stripped.scaleByPowerOfTen(-exponent);
    return mantissa.stripTrailingZeros().toPlainString() + "e" + exponent;
  }
}
