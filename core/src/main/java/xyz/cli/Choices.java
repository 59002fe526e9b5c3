package xyz.cli;

import java.util.Comparator;
import java.util.List;
import xyz.UserError;

/** Checks a flag's value against its valid choices and suggests the nearest one. */
final class Choices {
  private Choices() {}

  static String check(String flag, String value, List<String> valid) {
    if (valid.contains(value)) {
      return value;
    }
    throw new UserError(
        flag + ": '" + value + "' is not one of the choices\n  valid: " + String.join(", ", valid)
            + suggestion(value, valid) + "\n  fix: " + flag + " " + nearest(value, valid));
  }

  static String suggestion(String value, List<String> valid) {
    String n = nearest(value, valid);
    return n != null && distance(value, n) <= Math.max(2, value.length() / 3)
        ? "\n  did you mean '" + n + "'?" : "";
  }

  static String nearest(String value, List<String> valid) {
    return valid.stream().min(Comparator.comparingInt(v -> distance(value, v))).orElse(null);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
