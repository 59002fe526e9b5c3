package xyz.plot;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid choice a mistyped name was most likely meant to be. */
final class Nearest {
  private Nearest() {}

  /**
   * The choice closest to {@code wrong}, ignoring case, if it is close enough to be a plausible
   * typo: a choice it begins (ci for ci95), or one within a third of the longer name's length in
   * edits (a swap of two neighbours counts as one), never more than 3.
   */
  static Optional<String> to(String wrong, Collection<String> choices) {
    String lower = wrong.toLowerCase(Locale.ROOT);
    if (lower.length() >= 2) {
      for (String choice : choices) {
        if (choice.toLowerCase(Locale.ROOT).startsWith(lower)) {
          return Optional.of(choice);
        }
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String choice : choices) {
      int d = distance(lower, choice.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = choice;
        bestDistance = d;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.min(3, Math.max(1, Math.max(wrong.length(), best.length()) / 3));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /**
   * The edit distance: insertions, deletions, substitutions and swaps of two neighbouring
   * letters, each counting one (the optimal string alignment distance).
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
