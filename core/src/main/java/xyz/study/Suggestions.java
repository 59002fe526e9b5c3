package xyz.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the valid names closest to a mistyped one, for "did you mean" hints in study files, on
 * the command line and in figures and experiments, and words those hints the same way everywhere.
 */
public final class Suggestions {
  /** At most this many names are suggested. */
  public static final int LIMIT = 3;

  private Suggestions() {}

  /**
   * The valid names close to {@code wrong}, best first, at most {@value #LIMIT}. Closeness is the
   * edit distance with transpositions, ignoring case; a name is only suggested when it is near
   * enough to be a slip of the keyboard (1 edit for short words, up to 3 for long ones) or when
   * it starts with the mistyped text, and only the best of those.
   *
   * @param wrong what the user wrote
   * @param valid the names that would have been accepted, in their usual order
   * @return the suggestions; empty when nothing is close
   */
  public static List<String> nearest(String wrong, Collection<String> valid) {
    String typed = wrong.toLowerCase(Locale.ROOT);
    int limit = typed.length() <= 3 ? 1 : typed.length() <= 6 ? 2 : 3;
    List<Scored> close = new ArrayList<>();
    int order = 0;
    for (String name : valid) {
      if (name.equals(wrong)) {
        continue;
      }
      String candidate = name.toLowerCase(Locale.ROOT);
      int distance = distance(typed, candidate);
      boolean prefix = typed.length() >= 3 && candidate.startsWith(typed);
      if ((distance <= limit && distance < Math.max(typed.length(), 1)) || prefix) {
        close.add(new Scored(name, prefix ? Math.min(distance, limit) : distance, order));
      }
      order++;
    }
    close.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
    List<String> out = new ArrayList<>();
    int best = close.isEmpty() ? 0 : close.get(0).distance();
    for (Scored s : close) {
      // Worse matches than the best one are noise beside it.
      boolean near = s.distance() <= best;
      if (near && !out.contains(s.name()) && out.size() < LIMIT) {
        out.add(s.name());
      }
    }
    return out;
  }

  /**
   * The hint line for a mistyped name, as error messages show it under their first line:
   * {@code did you mean 'a'?}, {@code did you mean 'a' or 'b'?}.
   *
   * @return the line without indentation or line break; empty when nothing is close
   */
  public static String didYouMean(String wrong, Collection<String> valid) {
    List<String> near = nearest(wrong, valid);
    return near.isEmpty() ? "" : "did you mean " + alternatives(near) + "?";
  }

  /**
   * The lines an error about a mistyped name shows under its first line: {@code valid: ...} with
   * every valid name, then the {@link #didYouMean did you mean} line when a name is close. Each
   * line starts with a line break and two spaces, so the result can follow the first line as it
   * is; a {@code fix:} line usually comes next.
   *
   * @param valid the names that would have been accepted, in their usual order; when there are
   *     none, the valid line is left out
   */
  public static String hint(String wrong, Collection<String> valid) {
    StringBuilder out = new StringBuilder();
    if (!valid.isEmpty()) {
      out.append("\n  valid: ").append(String.join(", ", valid));
    }
    String near = didYouMean(wrong, valid);
    if (!near.isEmpty()) {
      out.append("\n  ").append(near);
    }
    return out.toString();
  }

  /** Quotes names and joins them: {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}. */
  public static String alternatives(List<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String name : names) {
      quoted.add("'" + name + "'");
    }
    if (quoted.size() <= 1) {
      return String.join("", quoted);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1))
        + " or " + quoted.get(quoted.size() - 1);
  }

  /**
   * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
   * neighbouring characters each cost 1.
   */
  public static int distance(String a, String b) {
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
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }

  private record Scored(String name, int distance, int order) {}
}
