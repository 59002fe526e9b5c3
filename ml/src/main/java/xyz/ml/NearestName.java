package xyz.ml;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name closest to a mistyped one, for "did you mean" hints. */
public final class NearestName {

  private NearestName() {}

  /**
   * The candidate with the smallest edit distance to {@code typed}, ignoring case, if it is close
   * enough to be a plausible typo (at most half the typed length, and at least one edit allowed).
   */
  public static Optional<String> of(String typed, Collection<String> candidates) {
    String lower = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, typed.length() / 2);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** The message tail naming the nearest match, if any, and every valid name. */
  public static String hint(String typed, Collection<String> candidates) {
    String valid = "valid values: " + String.join(", ", candidates);
    return of(typed, candidates).map(n -> "did you mean '" + n + "'? " + valid).orElse(valid);
  }

  /** Levenshtein distance with one row of memory. */
  static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
