package xyz.study;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as study files and flags write them: {@code 30s}, {@code 10m}, {@code 1h30m}. */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /**
   * Parses a duration made of days, hours, minutes and seconds, in that order, each a whole
   * number with its unit: {@code 2d}, {@code 1h30m}, {@code 90s}.
   *
   * @return the duration, or empty when the text is not such a duration or is zero
   */
  public static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (text.isBlank() || !m.matches()) {
      return Optional.empty();
    }
    try {
      Duration d = Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3))
          .plusSeconds(part(m, 4));
      return d.isZero() ? Optional.empty() : Optional.of(d);
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The duration written the way {@link #parse} reads it, such as {@code 1h30m}. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    StringBuilder out = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        out.append(seconds / sizes[i]).append(units[i]);
        seconds %= sizes[i];
      }
    }
    return out.length() == 0 ? "0s" : out.toString();
  }

  private static long part(Matcher m, int group) {
    String digits = m.group(group);
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
