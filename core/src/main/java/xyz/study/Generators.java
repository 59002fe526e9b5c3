package xyz.study;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Turns the arguments of {@code range}, {@code linspace} and {@code logspace} into levels. */
final class Generators {
  private final Problems problems;
  private final String name;

  Generators(Problems problems, String name) {
    this.problems = problems;
    this.name = name;
  }

  /** {@code [STOP]}, {@code [START, STOP]} or {@code [START, STOP, STEP]}, STOP excluded. */
  List<Object> range(Node node, String path) {
    String fix = "write `" + name + ": {range: [START, STOP, STEP]}`, such as {range: [0, 10, 2]}";
    Number[] args = numbers(node, path, 1, 3, "range takes [STOP], [START, STOP] or "
        + "[START, STOP, STEP]", fix);
    if (args == null) {
      return null;
    }
    Number start = args.length == 1 ? Long.valueOf(0) : args[0];
    Number stop = args.length == 1 ? args[0] : args[1];
    Number step = args.length == 3 ? args[2] : Long.valueOf(1);
    if (step.doubleValue() == 0) {
      problems.at(item(node, 2), Nodes.item(path, 2)).message("the STEP of a range cannot be 0")
          .found("0").fix("use a positive STEP to count up, a negative one to count down").add();
      return null;
    }
    boolean integral = start instanceof Long && stop instanceof Long && step instanceof Long;
    double span = (stop.doubleValue() - start.doubleValue()) / step.doubleValue();
    // A small slack keeps float steps such as 0.1 from adding a level just below STOP.
    long count = span <= 0 ? 0 : (long) Math.ceil(span - 1e-9);
    if (count <= 0) {
      problems.at(node, path)
          .message("range " + Nodes.source(node) + " has no levels: START must be below STOP "
              + "(above it when STEP is negative)")
          .found(Nodes.source(node)).fix(fix).add();
      return null;
    }
    if (!fits(count, node, path, "range")) {
      return null;
    }
    List<Object> levels = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      if (integral) {
        levels.add(start.longValue() + i * step.longValue());
      } else {
        levels.add(Values.round(start.doubleValue() + i * step.doubleValue()));
      }
    }
    return levels;
  }

  /** {@code [FROM, TO, COUNT]}: COUNT evenly spaced values, both ends included. */
  List<Object> linspace(Node node, String path) {
    double[] ends = ends(node, path, "linspace", "{linspace: [0, 1, 5]}");
    if (ends == null) {
      return null;
    }
    int count = (int) ends[2];
    List<Object> levels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double value = i == count - 1 && count > 1
          ? ends[1] : ends[0] + i * (ends[1] - ends[0]) / Math.max(count - 1, 1);
      levels.add(Values.round(value));
    }
    return distinct(levels, node, path, "linspace");
  }

  /**
   * {@code [FROM, TO, COUNT]}: COUNT values in geometric steps, both ends included. FROM and TO
   * are the values themselves, not exponents.
   */
  List<Object> logspace(Node node, String path) {
    double[] ends = ends(node, path, "logspace", "{logspace: [0.0001, 0.1, 4]}");
    if (ends == null) {
      return null;
    }
    boolean ok = true;
    for (int i = 0; i < 2; i++) {
      if (ends[i] <= 0) {
        problems.at(item(node, i), Nodes.item(path, i))
            .message("logspace " + (i == 0 ? "FROM" : "TO") + " must be above 0, found "
                + Values.label(ends[i]))
            .found(Values.label(ends[i]))
            .fix("logspace takes the values themselves, not exponents: `" + name
                + ": {logspace: [0.0001, 0.1, 4]}`").add();
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    int count = (int) ends[2];
    double from = Math.log(ends[0]);
    double to = Math.log(ends[1]);
    List<Object> levels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double value = i == 0 ? ends[0] : i == count - 1 ? ends[1]
          : Math.exp(from + i * (to - from) / (count - 1));
      levels.add(Values.round(value));
    }
    return distinct(levels, node, path, "logspace");
  }

  /** {@code [LOW, HIGH]} of a uniform or log-uniform draw; null after a problem. */
  double[] bounds(String kind, Node node, String path, String form) {
    String fix = "write `" + name + ": " + form + "`";
    Number[] args = numbers(node, path, 2, 2, kind + " takes [LOW, HIGH]", fix);
    if (args == null) {
      return null;
    }
    double low = args[0].doubleValue();
    double high = args[1].doubleValue();
    if (!(low < high)) {
      problems.at(node, path).message(kind + " LOW must be below HIGH, found "
          + Nodes.source(node)).found(Nodes.source(node)).fix(fix).add();
      return null;
    }
    if (kind.equals("loguniform") && low <= 0) {
      problems.at(item(node, 0), Nodes.item(path, 0))
          .message("loguniform LOW must be above 0, found " + Values.label(low))
          .found(Values.label(low)).fix("write `" + name + ": {loguniform: [1.0e-5, 0.01]}`")
          .add();
      return null;
    }
    return new double[] {low, high};
  }

  /** FROM, TO and COUNT of linspace or logspace; null after a problem. */
  private double[] ends(Node node, String path, String kind, String example) {
    String fix = "write `" + name + ": {" + kind + ": [FROM, TO, COUNT]}`, such as " + example;
    List<Node> items = Nodes.list(node, path, problems, "a list [FROM, TO, COUNT]", false, fix);
    if (items == null) {
      return null;
    }
    if (items.size() != 3) {
      problems.at(node, path).message(kind + " takes [FROM, TO, COUNT], found " + count(items))
          .found(Nodes.source(node)).fix(fix).add();
      return null;
    }
    Number from = Nodes.number(items.get(0), Nodes.item(path, 0), problems, fix);
    Number to = Nodes.number(items.get(1), Nodes.item(path, 1), problems, fix);
    Long count = Nodes.integer(items.get(2), Nodes.item(path, 2), problems,
        "COUNT is how many levels: " + fix);
    if (from == null || to == null || count == null) {
      return null;
    }
    if (count < 1) {
      problems.at(items.get(2), Nodes.item(path, 2))
          .message("COUNT must be at least 1, found " + count).found(String.valueOf(count))
          .fix(fix).add();
      return null;
    }
    if (!fits(count, node, path, kind)) {
      return null;
    }
    return new double[] {from.doubleValue(), to.doubleValue(), count};
  }

  private Number[] numbers(Node node, String path, int min, int max, String form, String fix) {
    List<Node> items = Nodes.list(node, path, problems, "a list of numbers", true, fix);
    if (items == null) {
      return null;
    }
    if (items.size() < min || items.size() > max) {
      problems.at(node, path).message(form + ", found " + count(items))
          .found(Nodes.source(node)).fix(fix).add();
      return null;
    }
    Number[] out = new Number[items.size()];
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      String at = items.size() == 1 && items.get(0) == node ? path : Nodes.item(path, i);
      out[i] = Nodes.number(items.get(i), at, problems, fix);
      ok &= out[i] != null;
    }
    return ok ? out : null;
  }

  private boolean fits(long count, Node node, String path, String kind) {
    if (count <= ControlReader.MAX_LEVELS) {
      return true;
    }
    problems.at(node, path).message(kind + " " + Nodes.source(node) + " gives " + count
        + " levels; an axis may have at most " + ControlReader.MAX_LEVELS)
        .found(Nodes.source(node)).fix("use a larger STEP or a smaller COUNT").add();
    return false;
  }

  private List<Object> distinct(List<Object> levels, Node node, String path, String kind) {
    if (levels.stream().map(Values::label).distinct().count() == levels.size()) {
      return levels;
    }
    problems.at(node, path).message(kind + " " + Nodes.source(node)
        + " gives repeated levels (FROM equals TO, or they are too close for COUNT)")
        .found(Nodes.source(node)).fix("use COUNT 1, or move FROM and TO apart").add();
    return null;
  }

  private static Node item(Node node, int index) {
    if (node instanceof SequenceNode s && index < s.getValue().size()) {
      return s.getValue().get(index);
    }
    return node;
  }

  private static String count(List<Node> items) {
    return items.size() == 1 ? "1 value" : items.size() + " values";
  }
}
