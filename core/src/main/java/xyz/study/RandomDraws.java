package xyz.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the random controls of a study: {@code n} joint draws from one generator seeded with the
 * study's seed, each draw taking one value of every random control in declaration order.
 */
final class RandomDraws {
  private static final MathContext SIX_DIGITS = new MathContext(6);

  private RandomDraws() {}

  /**
   * The drawn values: for each source, {@code n} values in draw order.
   *
   * @param sources the random controls in declaration order (study-wide first, then each
   *     method's)
   */
  static List<Object[]> draw(List<Control.Draw> sources, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Object[]> out = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      out.add(new Object[n]);
    }
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < sources.size(); s++) {
        out.get(s)[i] = one(sources.get(s), random);
      }
    }
    return out;
  }

  private static Object one(Control.Draw draw, SplittableRandom random) {
    switch (draw.kind()) {
      case "choice" -> {
        return draw.choices().get(random.nextInt(draw.choices().size()));
      }
      case "uniform" -> {
        return six(draw.low() + (draw.high() - draw.low()) * random.nextDouble());
      }
      default -> {
        double low = Math.log(draw.low());
        double high = Math.log(draw.high());
        return six(Math.exp(low + (high - low) * random.nextDouble()));
      }
    }
  }

  /** Rounds to 6 significant digits, so that drawn levels read well in legends and tables. */
  static double six(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return Values.round(new BigDecimal(value).round(SIX_DIGITS).doubleValue());
  }
}
