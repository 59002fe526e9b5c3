package xyz.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The keys of one YAML map, checked once: keys that are not names, keys written twice and keys
 * the grammar does not know are filed as problems, and the rest can be looked up by name.
 */
final class Fields {
  private final MappingNode node;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> pairs = new LinkedHashMap<>();
  /** Valid keys that an unknown key was taken for: their absence is already explained. */
  private final Set<String> misspelt = new HashSet<>();

  private Fields(MappingNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /**
   * Reads a map whose keys must come from {@code valid}; null for an open map (any name).
   *
   * @return the fields, or null when the node is not a map (after filing a problem)
   */
  static Fields of(Node node, String path, Problems problems, List<String> valid, String what,
      String fix) {
    if (!(node instanceof MappingNode map)) {
      Nodes.expected(problems, node, path, what, fix);
      return null;
    }
    Fields fields = new Fields(map, path, problems);
    for (NodeTuple pair : map.getValue()) {
      fields.add(pair, valid);
    }
    return fields;
  }

  private void add(NodeTuple pair, List<String> valid) {
    Node keyNode = pair.getKeyNode();
    if (!(keyNode instanceof ScalarNode scalar) || Nodes.isNull(keyNode)) {
      Nodes.expected(problems, keyNode, path, "a name as key", null);
      return;
    }
    String key = scalar.getValue();
    NodeTuple first = pairs.get(key);
    if (first != null) {
      int firstLine = first.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0);
      int secondLine = keyNode.getStartMark().map(m -> m.getLine() + 1).orElse(0);
      problems.at(keyNode, Nodes.child(path, key))
          .message("key '" + key + "' is written twice, on lines " + firstLine + " and "
              + secondLine)
          .found(key).fix("keep one of the two").add();
      return;
    }
    if (valid != null && !valid.contains(key)) {
      List<String> near = Suggestions.nearest(key, valid);
      problems.at(keyNode, Nodes.child(path, key)).message("unknown key '" + key + "'")
          .found(key).valid(valid).suggest(near)
          .fix(near.isEmpty() ? "remove it" : "rename it to '" + near.get(0) + "'").add();
      if (!near.isEmpty()) {
        misspelt.add(near.get(0));
      }
      return;
    }
    pairs.put(key, pair);
  }

  /** The map node itself, for problems about the map as a whole. */
  MappingNode node() {
    return node;
  }

  /** The path of the map, such as {@code experiment}. */
  String path() {
    return path;
  }

  /** The path of one of its keys. */
  String path(String key) {
    return Nodes.child(path, key);
  }

  boolean has(String key) {
    return pairs.containsKey(key);
  }

  /** The value of a key, or null when absent. */
  Node get(String key) {
    NodeTuple pair = pairs.get(key);
    return pair == null ? null : pair.getValueNode();
  }

  /** The node of a key itself, or null when absent. */
  Node key(String key) {
    NodeTuple pair = pairs.get(key);
    return pair == null ? null : pair.getKeyNode();
  }

  /** The keys present (without duplicates and unknown ones), in file order. */
  List<String> keys() {
    return new ArrayList<>(pairs.keySet());
  }

  /** Whether an unknown key of this map looks like a misspelling of {@code key}. */
  boolean misspelt(String key) {
    return misspelt.contains(key);
  }

  /**
   * The value of a required key; files "missing" with the fix when it is absent, unless an
   * unknown key was already reported as its misspelling.
   */
  Node require(String key, String fix) {
    Node value = get(key);
    if (value == null && !misspelt.contains(key)) {
      problems.at(node, path(key)).message("required key is missing").fix(fix).add();
    }
    return value;
  }
}
