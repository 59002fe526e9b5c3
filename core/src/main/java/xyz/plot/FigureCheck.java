package xyz.plot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import xyz.UserError;
import xyz.study.Axis;
import xyz.study.FigureSpec;
import xyz.study.Study;
import xyz.study.Suggestions;

/**
 * Checks a figure against its study before any data is read, and says exactly what is wrong: the
 * figure, the key, the offending value, the nearest valid choice and all the choices.
 */
final class FigureCheck {
  private final Study study;
  private final FigureSpec spec;

  private FigureCheck(Study study, FigureSpec spec) {
    this.study = study;
    this.spec = spec;
  }

  /**
   * Resolves a figure's axes and levels.
   *
   * @param recorded the observables the results hold beside the declared ones
   * @throws UserError naming the first thing the figure gets wrong
   */
  static Placement check(Study study, FigureSpec spec, Collection<String> recorded) {
    return new FigureCheck(study, spec).resolve(recorded);
  }

  private Placement resolve(Collection<String> recorded) {
    choice("band", spec.band(), FigureSpec.BANDS, "a band", "bands");
    choice("scales", spec.scales(), FigureSpec.SCALES, "a way to share scales",
        "ways to share scales");
    if (spec.formats().isEmpty()) {
      throw error("formats: none given" + valid(FigureSpec.FORMATS)
          + "\n  fix: give one or more formats, such as " + FigureSpec.FORMATS.get(0));
    }
    for (String format : spec.formats()) {
      choice("formats", format, FigureSpec.FORMATS, "a format", "formats");
    }
    Map<String, String> used = new LinkedHashMap<>();
    Axis rows = placed("rows", spec.rows(), used);
    Axis cols = placed("cols", spec.cols(), used);
    Axis color = placed("color", spec.color(), used);
    Axis x = null;
    if (spec.x() == null) {
      List<String> choices = new ArrayList<>(study.axisNames());
      choices.add("step");
      // A replicate axis is averaged over, so the example is the last axis that is not one.
      String example = study.axes().stream().filter(a -> !a.replicate()).map(Axis::name)
          .reduce((first, last) -> last).orElse("step");
      throw error("x: none given" + valid(choices) + "\n  fix: give x an axis or step, such as "
          + example);
    }
    if (study.axis(spec.x()).isPresent() || !spec.x().equals("step")) {
      x = placedAxis("x", spec.x(), used, true);
    }
    List<String> y = observables(recorded);
    Map<String, List<Integer>> kept = kept();
    if (spec.logX() && x != null && !x.numeric()) {
      throw error("log_x: the x axis '" + x.name() + "' has levels that are not numbers ("
          + String.join(", ", x.labels()) + "), so it cannot be logarithmic"
          + "\n  fix: drop log_x, or put a numeric axis on x");
    }
    List<Axis> averaged = new ArrayList<>();
    for (Axis axis : study.axes()) {
      if (!used.containsKey(axis.name())) {
        averaged.add(axis);
      }
    }
    return new Placement(where(study, spec), rows, cols, color, x, y, averaged, kept, spec.band(),
        spec.scales(), spec.logX(), spec.logY());
  }

  private Axis placed(String key, String name, Map<String, String> used) {
    return name == null ? null : placedAxis(key, name, used, false);
  }

  private Axis placedAxis(String key, String name, Map<String, String> used, boolean orStep) {
    Optional<Axis> axis = study.axis(name);
    if (axis.isEmpty()) {
      List<String> choices = new ArrayList<>(study.axisNames());
      if (orStep) {
        choices.add("step");
      }
      throw unknown(key, name, choices, orStep ? "an axis of the study or step"
          : "an axis of the study", orStep ? "axes or step" : "axes");
    }
    String before = used.putIfAbsent(name, key);
    if (before != null) {
      throw error(key + ": '" + name + "' is already the figure's " + before
          + "\n  fix: give rows, cols, x and color different axes");
    }
    return axis.get();
  }

  private List<String> observables(Collection<String> recorded) {
    Set<String> valid = new LinkedHashSet<>(study.observables());
    valid.addAll(recorded);
    if (spec.y().isEmpty()) {
      throw error("y: no observable given" + (valid.isEmpty()
          ? "\n  fix: declare the study's `observables`, then give y one or more of them"
          : valid(valid) + "\n  fix: give y one or more observables, such as "
          + valid.iterator().next()));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String y : spec.y()) {
      if (!valid.contains(y)) {
        throw unknown("y", y, valid, "an observable of the study", "observables");
      }
      if (!seen.add(y)) {
        throw error("y: '" + y + "' is listed twice\n  fix: list it once");
      }
    }
    return List.copyOf(seen);
  }

  private Map<String, List<Integer>> kept() {
    for (String name : spec.filter().keySet()) {
      if (study.axis(name).isEmpty()) {
        throw unknown("filter", name, study.axisNames(), "an axis of the study", "axes");
      }
    }
    Map<String, List<Integer>> kept = new LinkedHashMap<>();
    for (Axis axis : study.axes()) {
      List<String> labels = axis.labels();
      List<String> wanted = spec.filter().get(axis.name());
      if (wanted == null) {
        kept.put(axis.name(), IntStream.range(0, labels.size()).boxed().toList());
        continue;
      }
      if (wanted.isEmpty()) {
        throw error("filter." + axis.name() + ": keeps no level" + valid(labels)
            + "\n  fix: list the levels to keep, or drop the filter on " + axis.name());
      }
      for (String label : wanted) {
        if (!labels.contains(label)) {
          throw unknown("filter." + axis.name(), label, labels, "a level of " + axis.name(),
              "levels of " + axis.name());
        }
      }
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        if (wanted.contains(labels.get(i))) {
          indices.add(i);
        }
      }
      kept.put(axis.name(), indices);
    }
    return kept;
  }

  private void choice(String key, String value, List<String> choices, String what,
      String kinds) {
    if (!choices.contains(value)) {
      throw unknown(key, value, choices, what, kinds);
    }
  }

  /**
   * An error about a name that is not among the choices.
   *
   * @param what what the name should have been, such as "an axis of the study"
   * @param kinds the choices in the plural, for the fix when none is close, such as "axes"
   */
  private UserError unknown(String key, String value, Collection<String> choices, String what,
      String kinds) {
    List<String> near = value == null ? List.of() : Suggestions.nearest(value, choices);
    String hint = value == null ? valid(choices) : Suggestions.hint(value, choices);
    String fix = near.isEmpty() ? "use one of the valid " + kinds
        : "replace '" + value + "' with '" + near.get(0) + "'";
    return error(key + ": '" + value + "' is not " + what + hint + "\n  fix: " + fix);
  }

  private static String valid(Collection<String> choices) {
    return "\n  valid: " + String.join(", ", choices);
  }

  private UserError error(String message) {
    return new UserError(where(study, spec) + ": " + message);
  }

  /** Where a figure is declared, as error messages about it begin: file and figure name. */
  static String where(Study study, FigureSpec spec) {
    String file = study.file() == null ? "study '" + study.name() + "'"
        : study.file().getFileName().toString();
    return file + ": figure '" + spec.name() + "'";
  }
}
