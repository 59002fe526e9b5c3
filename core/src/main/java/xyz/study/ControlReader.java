package xyz.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the levels of controls: value lists, generators, random draws and replicate marks. */
final class ControlReader {
  /** The generator keys a control's map may hold, in the order the docs present them. */
  static final List<String> GENERATORS =
      List.of("values", "range", "linspace", "logspace", "uniform", "loguniform", "choice");

  /** The keys of a control's map: a generator and the replicate mark. */
  static final List<String> KEYS = List.of("values", "range", "linspace", "logspace", "uniform",
      "loguniform", "choice", "replicate");

  /** The most levels one axis may have. */
  static final int MAX_LEVELS = 1_000_000;

  private static final Map<String, String> FORMS = Map.of(
      "values", "{values: [A, B, C]}",
      "range", "{range: [START, STOP, STEP]}",
      "linspace", "{linspace: [FROM, TO, COUNT]}",
      "logspace", "{logspace: [FROM, TO, COUNT]}",
      "uniform", "{uniform: [LOW, HIGH]}",
      "loguniform", "{loguniform: [LOW, HIGH]}",
      "choice", "{choice: [A, B]}");

  private final Problems problems;

  ControlReader(Problems problems) {
    this.problems = problems;
  }

  /** Reads a map of controls (study-wide or a method's), in the order written. */
  List<Control> readAll(Node node, String path) {
    Fields fields = Fields.of(node, path, problems, null, "a map of control names to levels",
        "write `" + path + ": {p: [0, 0.5], seed: {range: [0, 3], replicate: true}}`");
    List<Control> controls = new ArrayList<>();
    if (fields == null) {
      return controls;
    }
    for (String name : fields.keys()) {
      controls.add(read(name, fields.key(name), fields.get(name), fields.path(name)));
    }
    return controls;
  }

  private Control read(String name, Node key, Node node, String path) {
    if (node instanceof MappingNode) {
      return readMap(name, key, node, path);
    }
    if (Nodes.isNull(node)) {
      Nodes.expected(problems, node, path, "levels (a list, a value or a generator)",
          "write `" + name + ": [A, B, C]` or `" + name + ": " + FORMS.get("range") + "`");
      return new Control(name, key, node, path, null, null, false);
    }
    List<Node> items = Nodes.list(node, path, problems, "a list of levels", true, null);
    return new Control(name, key, node, path, values(items, node, path, name), null, false);
  }

  private Control readMap(String name, Node key, Node node, String path) {
    // An open map: the keys are checked here, so that a wrong one is called an unknown generator.
    Fields fields = Fields.of(node, path, problems, null, "", null);
    boolean replicate = false;
    List<String> generators = new ArrayList<>();
    boolean broken = false;
    for (String k : fields.keys()) {
      if (k.equals("replicate")) {
        Boolean flag = Nodes.bool(fields.get(k), fields.path(k), problems);
        replicate = Boolean.TRUE.equals(flag);
        broken |= flag == null;
      } else if (GENERATORS.contains(k)) {
        generators.add(k);
      } else {
        unknownGenerator(name, k, fields.key(k), path);
        broken = true;
      }
    }
    if (generators.size() > 1) {
      problems.at(fields.key(generators.get(1)), path)
          .message("give one generator, found " + Suggestions.alternatives(generators)
              .replace(" or ", " and "))
          .found(generators.get(1)).fix("keep one of them").add();
      return new Control(name, key, node, path, null, null, replicate);
    }
    if (generators.isEmpty()) {
      if (!broken) {
        problems.at(node, path).message("no levels: the map has no generator")
            .valid(GENERATORS).fix("write `" + name + ": {range: [0, 3], replicate: "
                + replicate + "}` or another generator").add();
      }
      return new Control(name, key, node, path, null, null, replicate);
    }
    String kind = generators.get(0);
    Node args = fields.get(kind);
    String argsPath = Nodes.child(path, kind);
    if (kind.equals("uniform") || kind.equals("loguniform") || kind.equals("choice")) {
      Control.Draw draw = broken ? null : draw(name, kind, args, argsPath);
      return new Control(name, key, node, path, null, draw, replicate);
    }
    List<Object> levels = switch (kind) {
      case "values" -> values(Nodes.list(args, argsPath, problems, "a list of levels", true,
          null), args, argsPath, name);
      case "range" -> new Generators(problems, name).range(args, argsPath);
      case "linspace" -> new Generators(problems, name).linspace(args, argsPath);
      default -> new Generators(problems, name).logspace(args, argsPath);
    };
    return new Control(name, key, node, path, broken ? null : levels, null, replicate);
  }

  private void unknownGenerator(String name, String wrong, Node at, String path) {
    List<String> near = Suggestions.nearest(wrong, KEYS);
    if (near.contains("replicate")) {
      problems.at(at, path).message("unknown key '" + wrong + "'").found(wrong).valid(KEYS)
          .suggest(near).fix("write `" + name + ": {range: [3], replicate: true}`").add();
      return;
    }
    String form = near.isEmpty() || !FORMS.containsKey(near.get(0))
        ? "[A, B, C]` or `" + name + ": " + FORMS.get("range") : FORMS.get(near.get(0));
    problems.at(at, path).message("unknown generator '" + wrong + "'").found(wrong)
        .valid(GENERATORS).suggest(near).fix("write `" + name + ": " + form + "`").add();
  }

  /** The levels of a value list, each a scalar, without repeats; null after a problem. */
  private List<Object> values(List<Node> items, Node node, String path, String name) {
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      problems.at(node, path).message("no levels: the list is empty").found("[]")
          .fix("give at least one level: `" + name + ": [A, B]`").add();
      return null;
    }
    List<Object> levels = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Integer> firstAt = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String itemPath = items.size() == 1 && node == item ? path : Nodes.item(path, i);
      Object value = Nodes.level(item, itemPath, problems);
      if (value == null) {
        ok = false;
        continue;
      }
      String label = Values.label(value);
      Integer first = firstAt.putIfAbsent(label, labels.size());
      if (first != null) {
        problems.at(item, itemPath)
            .message("level '" + label + "' repeats " + Nodes.item(path, first))
            .found(((ScalarNode) item).getValue()).fix("remove one of them").add();
        ok = false;
        continue;
      }
      labels.add(label);
      levels.add(value);
    }
    return ok ? levels : null;
  }

  private Control.Draw draw(String name, String kind, Node args, String path) {
    if (kind.equals("choice")) {
      List<Object> choices = values(Nodes.list(args, path, problems, "a list of values", false,
          "write `" + name + ": " + FORMS.get("choice") + "`"), args, path, name);
      return choices == null ? null : new Control.Draw(kind, 0, 0, choices);
    }
    Generators g = new Generators(problems, name);
    double[] bounds = g.bounds(kind, args, path, FORMS.get(kind));
    return bounds == null ? null : new Control.Draw(kind, bounds[0], bounds[1], List.of());
  }
}
