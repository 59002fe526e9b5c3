package xyz.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import xyz.study.Axis;
import xyz.study.Study;
import xyz.study.Suggestions;
import xyz.study.Values;

/**
 * The query parameters of one request, checked against the study: every name known, every axis,
 * level and choice valid, every number a number. A mistake is a {@link BadRequest} that names
 * the parameter, the offending value, the valid choices and the nearest one.
 *
 * <p>Filters are {@code filter.AXIS=LEVEL} (repeated: the levels to keep) and, for an axis of
 * numbers, {@code range.AXIS=LOW,HIGH} (either end may be empty).
 */
final class Params {
  private static final int SHOWN = 80;

  private final Study study;
  private final Map<String, List<String>> raw;

  /**
   * Checks that every parameter is one the request knows.
   *
   * @param names the parameters the request takes beside {@code filter.*} and {@code range.*}
   */
  Params(Study study, Map<String, List<String>> raw, List<String> names) {
    this.study = study;
    this.raw = raw;
    for (String key : raw.keySet()) {
      if (names.contains(key) || key.startsWith("filter.") || key.startsWith("range.")) {
        continue;
      }
      List<String> valid = new ArrayList<>(names);
      valid.add("filter.AXIS");
      valid.add("range.AXIS");
      throw new BadRequest("unknown parameter '" + shown(key) + "'" + Suggestions.hint(key, valid)
          + "\n  fix: drop it, or use one of the valid parameters");
    }
  }

  /** The one value of a parameter, or {@code fallback} when it is absent or empty. */
  String one(String name, String fallback) {
    List<String> values = raw.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw new BadRequest(name + ": given " + values.size() + " times\n  fix: give it once");
    }
    return values.isEmpty() || values.get(0).isEmpty() ? fallback : values.get(0);
  }

  /** Every non-empty value of a repeated parameter, in order. */
  List<String> all(String name) {
    return raw.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
  }

  /** An axis of the study named by a parameter, or null when the parameter is absent. */
  Axis axis(String name) {
    String value = one(name, null);
    return value == null ? null : axisNamed(name, value);
  }

  /** The axis of that name, or a refusal naming the parameter. */
  Axis axisNamed(String key, String name) {
    Optional<Axis> axis = study.axis(name);
    if (axis.isEmpty()) {
      throw new BadRequest(key + ": '" + shown(name) + "' is not an axis of " + study.name()
          + Suggestions.hint(name, study.axisNames()) + "\n  fix: name one of its axes");
    }
    return axis.get();
  }

  /** One of the choices, or {@code fallback} when the parameter is absent. */
  String choice(String name, List<String> choices, String fallback) {
    String value = one(name, fallback);
    if (!choices.contains(value)) {
      throw new BadRequest(name + ": '" + shown(value) + "' is not one of its choices"
          + Suggestions.hint(value, choices) + "\n  fix: use one of the valid values");
    }
    return value;
  }

  /** A true/false parameter; {@code 1} and {@code 0} also work. */
  boolean flag(String name) {
    String value = one(name, "false");
    return switch (value) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new BadRequest(name + ": '" + shown(value) + "' is not true or false"
          + "\n  fix: such as " + name + "=true");
    };
  }

  /** A whole number within {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String name, int fallback, int min, int max) {
    String value = one(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Answered below with the valid range.
    }
    throw new BadRequest(name + ": '" + shown(value) + "' is not a whole number from " + min
        + " to " + max + "\n  fix: such as " + name + "=" + fallback);
  }

  /**
   * The levels each axis keeps, by axis name, as indices in declaration order: every level of
   * an axis no filter names.
   */
  Map<String, List<Integer>> kept() {
    Map<String, List<Integer>> kept = new LinkedHashMap<>();
    for (Axis axis : study.axes()) {
      kept.put(axis.name(), IntStream.range(0, axis.levels().size()).boxed().toList());
    }
    for (String key : new TreeSet<>(raw.keySet())) {
      if (key.startsWith("filter.")) {
        Axis axis = axisNamed(key, key.substring("filter.".length()));
        kept.put(axis.name(), intersect(kept.get(axis.name()), levels(key, axis)));
      } else if (key.startsWith("range.")) {
        Axis axis = axisNamed(key, key.substring("range.".length()));
        kept.put(axis.name(), intersect(kept.get(axis.name()), range(key, axis)));
      }
    }
    return kept;
  }

  private List<Integer> levels(String key, Axis axis) {
    List<String> labels = axis.labels();
    Set<Integer> wanted = new TreeSet<>();
    for (String value : raw.get(key)) {
      int i = labels.indexOf(value);
      if (i < 0) {
        // A number may be written as the user likes: 1.0 keeps the level 1.
        String label = Values.matchLabel(labels, value);
        i = label == null ? -1 : labels.indexOf(label);
      }
      if (i < 0) {
        throw new BadRequest(key + ": '" + shown(value) + "' is not a level of " + axis.name()
            + Suggestions.hint(value, labels) + "\n  fix: name levels the axis has");
      }
      wanted.add(i);
    }
    return List.copyOf(wanted);
  }

  private List<Integer> range(String key, Axis axis) {
    if (!axis.numeric()) {
      throw new BadRequest(key + ": the levels of " + axis.name() + " are not numbers, so they"
          + " have no range\n  fix: keep levels with filter." + axis.name() + "=LEVEL instead");
    }
    String value = one(key, "");
    int comma = value.indexOf(',');
    if (comma < 0 || value.indexOf(',', comma + 1) >= 0) {
      throw new BadRequest(key + ": '" + shown(value) + "' is not LOW,HIGH\n  fix: such as "
          + key + "=0.2,0.8 (an empty end is open)");
    }
    double low = bound(key, value.substring(0, comma), Double.NEGATIVE_INFINITY);
    double high = bound(key, value.substring(comma + 1), Double.POSITIVE_INFINITY);
    List<Integer> in = new ArrayList<>();
    for (int i = 0; i < axis.levels().size(); i++) {
      double level = ((Number) axis.levels().get(i)).doubleValue();
      if (level >= low && level <= high) {
        in.add(i);
      }
    }
    return in;
  }

  private static double bound(String key, String text, double open) {
    if (text.isBlank()) {
      return open;
    }
    try {
      double d = Double.parseDouble(text.trim());
      if (!Double.isNaN(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // Answered below.
    }
    throw new BadRequest(key + ": '" + shown(text) + "' is not a number\n  fix: such as "
        + key + "=0.2,0.8");
  }

  private static List<Integer> intersect(List<Integer> a, List<Integer> b) {
    return a.stream().filter(b::contains).toList();
  }

  /** A value as messages quote it: at most 80 characters, control characters escaped. */
  static String shown(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < SHOWN; i++) {
      char c = value.charAt(i);
      out.append(c < 0x20 || c == 0x7f
          ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return value.length() > SHOWN ? out + "..." : out.toString();
  }
}
