package xyz.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code figures}: the facet grids a study is drawn as. */
final class FigureReader {
  /** The keys of a figure. */
  static final List<String> KEYS = List.of("name", "rows", "cols", "x", "y", "color", "band",
      "scales", "log_x", "log_y", "filter", "formats");

  /** The x of a figure may be the observation step as well as an axis. */
  static final String STEP = "step";

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final String FORM =
      "write `- {name: accuracy, rows: method, cols: dataset, x: p, y: test_acc}`";

  private final Problems problems;
  private final Set<String> declared;
  private final Map<String, Axis> axes;
  private final List<String> observables;

  /**
   * @param declared every axis name, even those of controls with mistakes
   * @param axes the axes read without mistakes, by name
   */
  FigureReader(Problems problems, Set<String> declared, Map<String, Axis> axes,
      List<String> observables) {
    this.problems = problems;
    this.declared = declared;
    this.axes = axes;
    this.observables = observables;
  }

  /** The figures, in order; figures with mistakes are left out after problems. */
  List<FigureSpec> read(Node node) {
    List<FigureSpec> figures = new ArrayList<>();
    List<Node> items = Nodes.list(node, "figures", problems, "a list of figures", false, FORM);
    if (items == null) {
      return figures;
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      FigureSpec figure = figure(items.get(i), Nodes.item("figures", i), names);
      if (figure != null) {
        figures.add(figure);
      }
    }
    return figures;
  }

  private FigureSpec figure(Node node, String path, Set<String> names) {
    Fields f = Fields.of(node, path, problems, KEYS, "a figure (a map)", FORM);
    if (f == null) {
      return null;
    }
    int before = problems.count();
    String name = name(f, names);
    String rows = axis(f, "rows", false);
    String cols = axis(f, "cols", false);
    Node xNode = f.require("x", "write `x: " + example() + "` (an axis, or step)");
    String x = xNode == null ? null : axis(f, "x", true);
    String color = axis(f, "color", false);
    List<String> y = y(f);
    String band = choice(f, "band", FigureSpec.BANDS, "se");
    String scales = choice(f, "scales", FigureSpec.SCALES, "shared");
    Boolean logX = f.has("log_x") ? Nodes.bool(f.get("log_x"), f.path("log_x"), problems) : false;
    Boolean logY = f.has("log_y") ? Nodes.bool(f.get("log_y"), f.path("log_y"), problems) : false;
    Map<String, List<String>> filter = f.has("filter") ? filter(f) : Map.of();
    List<String> formats = formats(f);
    distinct(f, rows, cols, x, color);
    if (problems.count() > before || name == null || y == null || logX == null || logY == null
        || filter == null || formats == null) {
      return null;
    }
    return new FigureSpec(name, rows, cols, x, y, color, band, scales, logX, logY, filter,
        formats);
  }

  private String example() {
    List<String> controls = new ArrayList<>(declared);
    return controls.size() > 2 ? controls.get(2) : STEP;
  }

  private String name(Fields f, Set<String> names) {
    Node node = f.require("name", "write `name: accuracy`: the file name of the figure");
    if (node == null) {
      return null;
    }
    String name = Nodes.text(node, f.path("name"), problems, "a file name",
        "write `name: accuracy`");
    if (name == null) {
      return null;
    }
    if (!FILE_NAME.matcher(name).matches()) {
      problems.at(node, f.path("name")).message("'" + name + "' cannot name a figure file")
          .found(name).fix("use letters, digits, '-', '_' and '.', such as '"
              + name.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[-_.]+", "") + "'").add();
      return null;
    }
    if (!names.add(name)) {
      problems.at(node, f.path("name")).message("another figure is already named '" + name
          + "'").found(name).fix("give each figure its own name").add();
      return null;
    }
    return name;
  }

  private String axis(Fields f, String key, boolean stepToo) {
    Node node = f.get(key);
    if (node == null) {
      return null;
    }
    String name = Nodes.text(node, f.path(key), problems, "an axis name", null);
    if (name == null || declared.contains(name) || (stepToo && name.equals(STEP))) {
      return name;
    }
    List<String> valid = new ArrayList<>(declared);
    if (stepToo) {
      valid.add(STEP);
    }
    problems.at(node, f.path(key)).message("unknown axis '" + name + "'").found(name)
        .nearest(name, valid).fix(stepToo ? "use an axis, or step for the observation step"
            : "use one of the axes, or leave `" + key + "` out").add();
    return name;
  }

  private List<String> y(Fields f) {
    Node node = f.require("y", "write `y: " + (observables.isEmpty() ? "test_acc"
        : observables.get(0)) + "`: one or more observables");
    if (node == null) {
      return null;
    }
    List<Node> items = Nodes.list(node, f.path("y"), problems, "an observable or a list of them",
        true, null);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      problems.at(node, f.path("y")).message("no observable to draw").found("[]")
          .valid(observables).fix("name one or more observables").add();
      return null;
    }
    List<String> y = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = items.get(i) == node ? f.path("y") : Nodes.item(f.path("y"), i);
      String name = Nodes.text(items.get(i), at, problems, "an observable", null);
      if (name == null) {
        continue;
      }
      if (!observables.contains(name)) {
        problems.at(items.get(i), at).message("unknown observable '" + name + "'").found(name)
            .nearest(name, observables)
            .fix("use one of the observables, or add it to `observables`").add();
      }
      y.add(name);
    }
    return y.size() == items.size() ? y : null;
  }

  private String choice(Fields f, String key, List<String> valid, String fallback) {
    Node node = f.get(key);
    if (node == null) {
      return fallback;
    }
    String value = Nodes.text(node, f.path(key), problems, "one of " + String.join(", ", valid),
        null);
    if (value != null && !valid.contains(value)) {
      problems.at(node, f.path(key)).message("unknown " + key + " '" + value + "'").found(value)
          .nearest(value, valid).fix("write `" + key + ": " + fallback + "`, or another of the "
              + "valid values").add();
    }
    return value;
  }

  private Map<String, List<String>> filter(Fields f) {
    Fields filter = Fields.of(f.get("filter"), f.path("filter"), problems, null,
        "a map of axes to the levels to keep", "write `filter: {dataset: [iris, wine]}`");
    if (filter == null) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : filter.keys()) {
      if (!declared.contains(name)) {
        problems.at(filter.key(name), filter.path(name)).message("unknown axis '" + name + "'")
            .found(name).nearest(name, new ArrayList<>(declared))
            .fix("filter on one of the axes").add();
        continue;
      }
      List<String> labels = labels(filter.get(name), filter.path(name), axes.get(name));
      if (labels != null) {
        out.put(name, labels);
      }
    }
    return out;
  }

  private List<String> labels(Node node, String path, Axis axis) {
    List<Node> items = Nodes.list(node, path, problems, "a list of levels to keep", true,
        "write `" + path.substring(path.lastIndexOf('.') + 1) + ": [A, B]`");
    if (items == null) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = items.get(i) == node ? path : Nodes.item(path, i);
      Object value = Nodes.level(items.get(i), at, problems);
      if (value == null) {
        continue;
      }
      String label = Values.label(value);
      if (axis != null && !axis.labels().contains(label)) {
        List<String> valid = axis.labels();
        problems.at(items.get(i), at)
            .message("axis '" + axis.name() + "' has no level '" + label + "'")
            .found(((ScalarNode) items.get(i)).getValue())
            .valid(valid.size() <= 30 ? valid : List.of())
            .suggest(Suggestions.nearest(label, valid)).fix("keep levels the axis has").add();
        continue;
      }
      labels.add(label);
    }
    return labels.size() == items.size() ? labels : null;
  }

  private List<String> formats(Fields f) {
    Node node = f.get("formats");
    if (node == null) {
      return FigureSpec.FORMATS;
    }
    List<Node> items = Nodes.list(node, f.path("formats"), problems, "a list of formats", true,
        "write `formats: [png, svg]`");
    if (items == null) {
      return null;
    }
    List<String> formats = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = items.get(i) == node ? f.path("formats") : Nodes.item(f.path("formats"), i);
      String format = Nodes.text(items.get(i), at, problems, "a format", null);
      if (format == null) {
        continue;
      }
      if (!FigureSpec.FORMATS.contains(format)) {
        problems.at(items.get(i), at).message("unknown format '" + format + "'").found(format)
            .nearest(format, FigureSpec.FORMATS).fix("write `formats: [png, svg]`").add();
        continue;
      }
      if (!formats.contains(format)) {
        formats.add(format);
      }
    }
    if (items.isEmpty()) {
      problems.at(node, f.path("formats")).message("no format to write").found("[]")
          .valid(FigureSpec.FORMATS).fix("write `formats: [png, svg]`").add();
      return null;
    }
    return formats;
  }

  private void distinct(Fields f, String rows, String cols, String x, String color) {
    Map<String, String> used = new LinkedHashMap<>();
    String[][] roles = {{"rows", rows}, {"cols", cols}, {"x", x}, {"color", color}};
    for (String[] role : roles) {
      if (role[1] == null) {
        continue;
      }
      String other = used.putIfAbsent(role[1], role[0]);
      if (other != null) {
        problems.at(f.get(role[0]), f.path(role[0]))
            .message("'" + role[1] + "' is already the figure's " + other)
            .found(role[1]).fix("give rows, cols, x and color different axes").add();
      }
    }
  }
}
