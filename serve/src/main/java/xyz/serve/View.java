package xyz.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.FigureSpec;
import xyz.study.Study;
import xyz.study.Suggestions;

/**
 * One facet-grid view as the shelves describe it, checked against the study: the axes of the
 * panel rows and columns, of x and of the line colours, the observables on y, the levels kept,
 * and how replicates are shown.
 *
 * @param rows the axis of the panel rows, or null for one row
 * @param cols the axis of the panel columns, or null for one column
 * @param color the axis whose levels are the lines, or null
 * @param x the axis along x, or null when x is the observation step
 * @param y the observables, in order
 * @param averaged the axes a line averages over (or, with lines mode, draws one line each for)
 * @param kept per axis name, the indices of the levels kept, in declaration order
 * @param mode {@code mean} (a mean line and a band) or {@code lines} (one line per cell)
 * @param band none, sd, se or ci95
 * @param scales shared, rows, cols or free
 * @param logX whether x is logarithmic
 * @param logY whether y is logarithmic
 * @param maxPoints the most points the answer holds; longer lines are thinned
 */
record View(
    Axis rows, Axis cols, Axis color, Axis x, List<String> y, List<Axis> averaged,
    Map<String, List<Integer>> kept, String mode, String band, String scales, boolean logX,
    boolean logY, int maxPoints) {

  /** The most points a view sends to the browser. */
  static final int MAX_POINTS = 100_000;

  /** The parameters of {@code /api/view}. */
  static final List<String> PARAMS = List.of("rows", "cols", "x", "y", "color", "mode", "band",
      "scales", "log_x", "log_y", "max_points");

  static final List<String> MODES = List.of("mean", "lines");

  /**
   * Reads a view from request parameters.
   *
   * @param observables the observables the results hold
   * @param steps whether any observation has a step, so that x may be {@code step}
   */
  static View parse(Study study, Map<String, List<String>> raw, List<String> observables,
      boolean steps) {
    Params p = new Params(study, raw, PARAMS);
    Map<String, String> used = new HashMap<>();
    Axis rows = placed(p, "rows", used);
    Axis cols = placed(p, "cols", used);
    Axis color = placed(p, "color", used);
    String xName = p.one("x", null);
    List<String> xChoices = new ArrayList<>(study.axisNames());
    if (steps) {
      xChoices.add("step");
    }
    if (xName == null) {
      throw new BadRequest("x: none given\n  valid: " + String.join(", ", xChoices)
          + "\n  fix: put an axis" + (steps ? " or step" : "") + " on x");
    }
    Axis x = null;
    if (!xName.equals("step") || study.axis("step").isPresent()) {
      if (study.axis(xName).isEmpty()) {
        throw new BadRequest("x: '" + Params.shown(xName) + "' is not an axis of "
            + study.name() + (steps ? " nor step" : "") + Suggestions.hint(xName, xChoices)
            + "\n  fix: put one of the valid names on x");
      }
      x = use(p.axisNamed("x", xName), "x", used);
    } else if (!steps) {
      throw new BadRequest("x: the cells of " + study.name() + " recorded no observation with a"
          + " step, so x cannot be step\n  valid: " + String.join(", ", study.axisNames())
          + "\n  fix: put an axis on x");
    }
    List<String> y = p.all("y");
    if (y.isEmpty()) {
      throw new BadRequest("y: no observable given\n  valid: " + String.join(", ", observables)
          + "\n  fix: put one or more observables on y");
    }
    for (int i = 0; i < y.size(); i++) {
      String name = y.get(i);
      if (!observables.contains(name)) {
        throw new BadRequest("y: '" + Params.shown(name) + "' is not an observable of "
            + study.name() + Suggestions.hint(name, observables)
            + "\n  fix: put observables the cells recorded on y");
      }
      if (y.subList(0, i).contains(name)) {
        throw new BadRequest("y: '" + name + "' is listed twice\n  fix: list it once");
      }
    }
    Map<String, List<Integer>> kept = p.kept();
    List<Axis> averaged = new ArrayList<>();
    for (Axis axis : study.axes()) {
      if (!used.containsKey(axis.name())) {
        averaged.add(axis);
      }
    }
    String mode = p.choice("mode", MODES, "mean");
    String band = p.choice("band", FigureSpec.BANDS, "se");
    String scales = p.choice("scales", FigureSpec.SCALES, "shared");
    boolean logX = p.flag("log_x");
    if (logX && x != null && !x.numeric()) {
      throw new BadRequest("log_x: the levels of " + x.name() + " are not numbers ("
          + String.join(", ", x.labels()) + "), so x cannot be logarithmic"
          + "\n  fix: drop log_x, or put an axis of numbers on x");
    }
    boolean logY = p.flag("log_y");
    int maxPoints = p.integer("max_points", MAX_POINTS, 10, MAX_POINTS);
    return new View(rows, cols, color, x, y, averaged, kept, mode, band, scales, logX, logY,
        maxPoints);
  }

  private static Axis placed(Params p, String key, Map<String, String> used) {
    Axis axis = p.axis(key);
    return axis == null ? null : use(axis, key, used);
  }

  private static Axis use(Axis axis, String key, Map<String, String> used) {
    String before = used.putIfAbsent(axis.name(), key);
    if (before != null) {
      throw new BadRequest(key + ": '" + axis.name() + "' is already on " + before
          + "\n  fix: put a different axis on each of rows, cols, x and color");
    }
    return axis;
  }

  View {
    y = List.copyOf(y);
    averaged = List.copyOf(averaged);
    kept = Map.copyOf(kept);
  }

  /** Whether x is the observation step. */
  boolean xIsStep() {
    return x == null;
  }

  /** The kept level indices of an axis. */
  List<Integer> keptOf(Axis axis) {
    return kept.get(axis.name());
  }

  /** Whether a filter drops some level of an axis. */
  boolean filtered(Axis axis) {
    return keptOf(axis).size() < axis.levels().size();
  }

  /** The labels of an axis's kept levels. */
  List<String> keptLabels(Axis axis) {
    List<String> labels = axis.labels();
    return keptOf(axis).stream().map(labels::get).toList();
  }
}
