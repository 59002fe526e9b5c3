package xyz.study;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Builds studies from short YAML for tests: the required keys a test leaves out are added. */
public final class TestStudies {
  private TestStudies() {}

  /**
   * Parses a study, adding {@code study}, {@code methods}, {@code datasets}, {@code observables}
   * and {@code experiment} with plain values when the text does not set them.
   */
  public static Study parse(String yaml) {
    return StudyReader.parse(complete(yaml), Path.of("study.yaml"));
  }

  /** The text with the missing required keys added at the end. */
  public static String complete(String yaml) {
    StringBuilder text = new StringBuilder(yaml);
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
    add(text, "study", "study: test");
    add(text, "methods", "methods: [a, b]");
    add(text, "datasets", "datasets: [d1, d2]");
    add(text, "observables", "observables: [acc]");
    add(text, "experiment", "experiment: {builtin: demo}");
    return text.toString();
  }

  private static void add(StringBuilder text, String key, String line) {
    if (!Pattern.compile("(?m)^" + key + ":").matcher(text).find()) {
      text.append(line).append('\n');
    }
  }
}
