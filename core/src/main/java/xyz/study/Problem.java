package xyz.study;

import java.util.List;

/**
 * One mistake in a study file, with everything needed to find and fix it.
 *
 * @param file the study file, as the user named it
 * @param line the 1-based line, or 0 when the mistake has no place (an unreadable file)
 * @param column the 1-based column, or 0 with line 0
 * @param path where in the study, such as {@code controls.lr} or {@code figures[0].x}; empty for
 *     the file as a whole
 * @param message what is wrong, quoting the offending value
 * @param found the offending value as written (at most {@value #FOUND_LIMIT} characters), or null
 * @param valid the values that would be accepted there; empty when they are not a short list
 * @param suggestions the nearest valid values, best first (at most 3)
 * @param fix how to write it right, or null
 * @param excerpt text shown under the first line (an expression with a caret), or null
 */
public record Problem(
    String file, int line, int column, String path, String message, String found,
    List<String> valid, List<String> suggestions, String fix, String excerpt) {

  /** The longest offending value a problem keeps; longer ones are cut and end with "...". */
  public static final int FOUND_LIMIT = 60;

  /** Freezes the lists and cuts a long found value. */
  public Problem {
    valid = List.copyOf(valid);
    suggestions = List.copyOf(suggestions);
    found = truncate(found);
  }

  /** Cuts text longer than {@value #FOUND_LIMIT} characters, marking the cut with "...". */
  public static String truncate(String text) {
    if (text == null || text.length() <= FOUND_LIMIT) {
      return text;
    }
    return text.substring(0, FOUND_LIMIT - 3) + "...";
  }

  /**
   * The problem as the command line prints it: a first line {@code file:line:column: path:
   * message}, then indented lines for the excerpt, the valid values, the suggestions and the fix.
   */
  public String render() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    out.append(message);
    if (excerpt != null) {
      for (String row : excerpt.split("\n", -1)) {
        out.append("\n    ").append(row);
      }
    }
    if (!valid.isEmpty()) {
      out.append("\n  valid: ").append(String.join(", ", valid));
    }
    if (!suggestions.isEmpty()) {
      out.append("\n  did you mean ").append(Suggestions.alternatives(suggestions)).append('?');
    }
    if (fix != null) {
      out.append("\n  fix: ").append(fix);
    }
    return out.toString();
  }
}
