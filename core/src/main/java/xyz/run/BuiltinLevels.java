package xyz.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xyz.UserError;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.Study;
import xyz.study.Suggestions;
import xyz.study.Values;

/**
 * Checks a study's methods and datasets against the names a built-in experiment knows, so that a
 * typo is refused by {@code xyz plan} and before any cell runs, not by every cell that has it.
 */
final class BuiltinLevels {
  private BuiltinLevels() {}

  static void check(Study study, ExperimentProvider provider) {
    List<String> problems = new ArrayList<>();
    List<String> lines = lines(study);
    for (Axis axis : study.axes()) {
      List<String> known = axis.role() == AxisRole.METHOD ? provider.methods()
          : axis.role() == AxisRole.DATASET ? provider.datasets() : List.of();
      if (known.isEmpty()) {
        continue;
      }
      String key = axis.role() == AxisRole.METHOD ? "methods" : "datasets";
      String what = axis.role() == AxisRole.METHOD ? "method" : "dataset";
      for (Object level : axis.levels()) {
        String name = Values.label(level);
        if (known.contains(name)) {
          continue;
        }
        List<String> near = Suggestions.nearest(name, known);
        problems.add(place(study, lines, key, name) + key + ": '" + name + "' is not a " + what
            + " of the built-in " + provider.name() + Suggestions.hint(name, known) + "\n  fix: "
            + (near.isEmpty() ? "list only valid " + what + "s in `" + key + ":`"
                : "replace '" + name + "' with '" + near.get(0) + "' in `" + key + ":`"));
      }
    }
    controls(study, provider, lines, problems);
    if (!problems.isEmpty()) {
      throw new UserError(String.join("\n", problems)
          + (problems.size() > 1 ? "\n" + problems.size() + " problems in " + study.file()
              + "; nothing was run." : ""));
    }
  }

  private static void controls(Study study, ExperimentProvider provider, List<String> lines,
      List<String> problems) {
    List<String> known = provider.controls();
    List<String> declared = new ArrayList<>();
    for (Axis axis : study.axes()) {
      if (axis.role() == AxisRole.CONTROL) {
        declared.add(axis.name());
      }
    }
    if (!known.isEmpty()) {
      for (String name : declared) {
        if (known.contains(name)) {
          continue;
        }
        List<String> near = Suggestions.nearest(name, known);
        problems.add(controlPlace(study, lines, name) + "controls." + name + ": the built-in "
            + provider.name() + " reads no control '" + name + "' (every cell would run without"
            + " it)" + Suggestions.hint(name, known) + "\n  fix: " + (near.isEmpty()
                ? "remove it from `controls:`" : "rename it to '" + near.get(0) + "'"));
      }
    }
    for (String name : provider.requiredControls()) {
      if (!declared.contains(name)) {
        problems.add(study.file() + ": controls: the built-in " + provider.name()
            + " needs the control '" + name + "', which the study does not declare"
            + "\n  fix: add it under `controls:`, such as `" + name + ": [...]`");
      }
    }
  }

  /** {@code file:line:col: } of a control's key under {@code controls:}, or {@code file: }. */
  private static String controlPlace(Study study, List<String> lines, String name) {
    if (study.file() == null) {
      return "";
    }
    Pattern key = Pattern.compile("^(\\s+)" + Pattern.quote(name) + "\\s*:");
    boolean inControls = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("controls:")) {
        inControls = true;
        continue;
      }
      if (inControls && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        break;
      }
      Matcher m = key.matcher(line);
      if (inControls && m.find()) {
        return study.file() + ":" + (i + 1) + ":" + (m.group(1).length() + 1) + ": ";
      }
    }
    return study.file() + ": ";
  }

  /**
   * {@code file:line:col: } of the name within the {@code key:} block (its first line and the
   * indented or flow lines after it), or {@code file: } when it cannot be found.
   */
  private static String place(Study study, List<String> lines, String key, String name) {
    if (study.file() == null) {
      return "";
    }
    Pattern word = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(name)
        + "(?![A-Za-z0-9_.-])");
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith(key + ":")) {
        continue;
      }
      for (int j = i; j < lines.size(); j++) {
        String line = lines.get(j);
        if (j > i && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
          break;
        }
        Matcher m = word.matcher(j == i ? line.substring(key.length() + 1) : line);
        if (m.find()) {
          int col = m.start() + 1 + (j == i ? key.length() + 1 : 0);
          return study.file() + ":" + (j + 1) + ":" + col + ": ";
        }
      }
    }
    return study.file() + ": ";
  }

  private static List<String> lines(Study study) {
    if (study.file() == null) {
      return List.of();
    }
    try {
      return Files.readAllLines(study.file(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
