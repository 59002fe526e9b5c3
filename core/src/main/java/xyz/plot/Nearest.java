package xyz.plot;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid choice a mistyped name was most likely meant to be. */
final class Nearest {
  private Nearest() {}

  /**
   * The choice closest to {@code wrong} by edit distance, ignoring case, if it is close enough to
   * be a plausible typo: at most a third of the longer name, and never more than 3 edits.
   */
  static Optional<String> to(String wrong, Collection<String> choices) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String choice : choices) {
      int d = distance(wrong.toLowerCase(java.util.Locale.ROOT),
          choice.toLowerCase(java.util.Locale.ROOT));
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

  /** The Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
