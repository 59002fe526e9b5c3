package xyz.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the {@code exclude} rules: conditions on the parameters of the cells to leave out. */
final class ExclusionReader {
  /** The keys of a rule written as a map. */
  static final List<String> KEYS = List.of("where", "because");

  private static final String FORM = "write `- where: \"method == 'svm' and p > 0.5\"`";

  private final Problems problems;
  private final Set<String> declared;
  private final Map<String, Axis> axes;

  /**
   * @param declared every axis name of the study, even those whose levels have mistakes
   * @param axes the axes that were read without mistakes, by name
   */
  ExclusionReader(Problems problems, Set<String> declared, Map<String, Axis> axes) {
    this.problems = problems;
    this.declared = declared;
    this.axes = axes;
  }

  /** The rules, in the order written; rules with mistakes are left out after a problem. */
  List<StudyGrid.Exclusion> read(Node node) {
    List<StudyGrid.Exclusion> rules = new ArrayList<>();
    List<Node> items = Nodes.list(node, "exclude", problems, "a list of conditions", true, FORM);
    if (items == null) {
      return rules;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = items.get(i) == node ? "exclude" : Nodes.item("exclude", i);
      StudyGrid.Exclusion rule = rule(items.get(i), path);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private StudyGrid.Exclusion rule(Node item, String path) {
    Node where = item;
    String wherePath = path;
    String because = null;
    if (!(item instanceof ScalarNode)) {
      Fields fields = Fields.of(item, path, problems, KEYS, "a condition", FORM);
      if (fields == null) {
        return null;
      }
      where = fields.require("where", FORM);
      wherePath = fields.path("where");
      if (fields.has("because")) {
        because = Nodes.text(fields.get("because"), fields.path("because"), problems,
            "a reason as text", null);
      }
      if (where == null) {
        return null;
      }
    }
    String text = Nodes.text(where, wherePath, problems, "a condition as text", FORM);
    if (text == null) {
      return null;
    }
    Condition condition;
    try {
      condition = Condition.parse(text);
    } catch (ConditionSyntaxException e) {
      at(where, wherePath, text, e.position()).message(e.getMessage()).found(text).fix(e.fix())
          .add();
      return null;
    }
    return check(condition, where, wherePath) ? new StudyGrid.Exclusion(text, because, condition)
        : null;
  }

  private boolean check(Condition condition, Node where, String path) {
    boolean ok = true;
    String text = condition.text();
    for (Condition.Name name : condition.names()) {
      if (!declared.contains(name.name())) {
        List<String> valid = new ArrayList<>(declared);
        at(where, path, text, name.position()).message("unknown axis '" + name.name() + "'")
            .found(name.name()).nearest(name.name(), valid)
            .fix("use one of the axes, and quote text values: '" + name.name() + "'").add();
        ok = false;
      }
    }
    for (Condition.Match match : condition.matches()) {
      Axis axis = axes.get(match.axis());
      if (axis != null && !axis.labels().contains(match.label())) {
        List<String> labels = axis.labels();
        at(where, path, text, match.position())
            .message("axis '" + match.axis() + "' has no level '" + match.label() + "'")
            .found(match.label()).valid(labels.size() <= 30 ? labels : List.of())
            .suggest(Suggestions.nearest(match.label(), labels))
            .fix("use one of its levels, or remove the rule").add();
        ok = false;
      }
    }
    return ok;
  }

  /**
   * A problem placed at a character of the condition, with the condition and a caret under that
   * character. The column is exact for conditions written on one line, plain or quoted.
   */
  private Problems.Draft at(Node node, String path, String text, int position) {
    int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    ScalarStyle style = ((ScalarNode) node).getScalarStyle();
    boolean oneLine = node.getEndMark().map(m -> m.getLine() + 1).orElse(-1) == line;
    if (oneLine && (style == ScalarStyle.PLAIN || style == ScalarStyle.SINGLE_QUOTED
        || style == ScalarStyle.DOUBLE_QUOTED)) {
      column += position + (style == ScalarStyle.PLAIN ? 0 : 1);
    }
    String caret = " ".repeat(position) + "^";
    return problems.at(line, column, path).excerpt(text.replace('\n', ' ') + "\n" + caret);
  }
}
