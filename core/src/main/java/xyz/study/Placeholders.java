package xyz.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}} placeholders of a command template. Only a name in braces is a placeholder,
 * so that other braces ({@code {"a": 1}}) stay as written.
 */
public final class Placeholders {
  /** A placeholder: a name in braces. */
  public static final Pattern PATTERN = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The placeholder for the cell's id. */
  public static final String CELL_ID = "cell_id";

  /** The placeholder for the cell's folder. */
  public static final String CELL_DIR = "cell_dir";

  private Placeholders() {}

  /**
   * A placeholder found in a template.
   *
   * @param name the name in the braces
   * @param position where the opening brace is, from 0
   */
  public record Use(String name, int position) {}

  /** The placeholders of one template, in order. */
  public static List<Use> find(String template) {
    List<Use> uses = new ArrayList<>();
    Matcher m = PATTERN.matcher(template);
    while (m.find()) {
      uses.add(new Use(m.group(1), m.start()));
    }
    return uses;
  }

  /**
   * Replaces every placeholder by its value.
   *
   * @param template the text with placeholders
   * @param values the value of a name, or null to leave that placeholder as written
   * @return the filled text
   */
  public static String fill(String template, Function<String, String> values) {
    Matcher m = PATTERN.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
