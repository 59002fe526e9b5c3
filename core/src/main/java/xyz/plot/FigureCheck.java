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
    choice("band", spec.band(), FigureSpec.BANDS, "band");
    choice("scales", spec.scales(), FigureSpec.SCALES, "way to share scales");
    if (spec.formats().isEmpty()) {
      throw error("formats: none given; the formats are: " + String.join(", ",
          FigureSpec.FORMATS) + ".");
    }
    for (String format : spec.formats()) {
      choice("formats", format, FigureSpec.FORMATS, "format");
    }
    Map<String, String> used = new LinkedHashMap<>();
    Axis rows = placed("rows", spec.rows(), used);
    Axis cols = placed("cols", spec.cols(), used);
    Axis color = placed("color", spec.color(), used);
    Axis x = null;
    if (spec.x() == null) {
      throw error("x: none given; x is an axis (" + String.join(", ", study.axisNames())
          + ") or step.");
    }
    if (study.axis(spec.x()).isPresent() || !spec.x().equals("step")) {
      x = placedAxis("x", spec.x(), used, true);
    }
    List<String> y = observables(recorded);
    Map<String, List<Integer>> kept = kept();
    if (spec.logX() && x != null && !x.numeric()) {
      throw error("log_x: the x axis '" + x.name() + "' has levels that are not numbers ("
          + String.join(", ", x.labels()) + "), so it cannot be logarithmic; drop log_x or"
          + " put a numeric axis on x.");
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
      throw unknown(key, name, choices, "an axis of the study",
          orStep ? "x takes an axis or step" : "the axes are");
    }
    String before = used.putIfAbsent(name, key);
    if (before != null) {
      throw error(key + ": '" + name + "' is already the figure's " + before
          + "; an axis takes one place in a figure.");
    }
    return axis.get();
  }

  private List<String> observables(Collection<String> recorded) {
    Set<String> valid = new LinkedHashSet<>(study.observables());
    valid.addAll(recorded);
    if (spec.y().isEmpty()) {
      throw error("y: no observable given; the observables are: " + String.join(", ", valid)
          + ".");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String y : spec.y()) {
      if (!valid.contains(y)) {
        throw unknown("y", y, valid, "an observable of the study", "the observables are");
      }
      if (!seen.add(y)) {
        throw error("y: '" + y + "' is listed twice.");
      }
    }
    return List.copyOf(seen);
  }

  private Map<String, List<Integer>> kept() {
    for (String name : spec.filter().keySet()) {
      if (study.axis(name).isEmpty()) {
        throw unknown("filter", name, study.axisNames(), "an axis of the study", "the axes are");
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
        throw error("filter." + axis.name() + ": keeps no level; list the levels to keep ("
            + String.join(", ", labels) + ") or drop the filter.");
      }
      for (String label : wanted) {
        if (!labels.contains(label)) {
          throw unknown("filter." + axis.name(), label, labels, "a level of " + axis.name(),
              "the levels are");
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

  private void choice(String key, String value, List<String> choices, String what) {
    if (!choices.contains(value)) {
      throw unknown(key, value, choices, "a " + what, "the choices are");
    }
  }

  private UserError unknown(String key, String value, Collection<String> choices, String what,
      String listing) {
    String near = value == null ? "" : Nearest.to(value, choices)
        .map(n -> " Did you mean '" + n + "'?").orElse("");
    return error(key + ": '" + value + "' is not " + what + "." + near + " "
        + Character.toUpperCase(listing.charAt(0)) + listing.substring(1) + ": "
        + String.join(", ", choices) + ".");
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
