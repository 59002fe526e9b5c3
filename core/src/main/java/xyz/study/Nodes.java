package xyz.study;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads of YAML nodes. Each read that fails files a problem and returns null, so that the
 * reader can go on and report every mistake of the file in one pass.
 */
final class Nodes {
  private Nodes() {}

  /** The path of a key inside a map at {@code path}. */
  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path of an item inside a list at {@code path}. */
  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /** Whether the node is a scalar resolved to null ({@code ~}, {@code null} or nothing). */
  static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode && node.getTag().equals(Tag.NULL));
  }

  /** How a node reads in "found ..." phrases: {@code 'text'}, {@code a list}, {@code a map}. */
  static String kind(Node node) {
    if (isNull(node)) {
      return "an empty value";
    }
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "'" + Problem.truncate(((ScalarNode) node).getValue()) + "'";
  }

  /** The node as the user wrote it, compactly, for the {@code found} field of a problem. */
  static String source(Node node) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    StringBuilder out = new StringBuilder();
    if (node instanceof SequenceNode sequence) {
      out.append('[');
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size() && out.length() < Problem.FOUND_LIMIT; i++) {
        out.append(i == 0 ? "" : ", ").append(source(items.get(i)));
      }
      return out.append(']').toString();
    }
    out.append('{');
    List<NodeTuple> pairs = ((MappingNode) node).getValue();
    for (int i = 0; i < pairs.size() && out.length() < Problem.FOUND_LIMIT; i++) {
      out.append(i == 0 ? "" : ", ").append(source(pairs.get(i).getKeyNode())).append(": ")
          .append(source(pairs.get(i).getValueNode()));
    }
    return out.append('}').toString();
  }

  /** Files "expected WHAT, found ...". */
  static void expected(Problems problems, Node node, String path, String what, String fix) {
    problems.at(node, path).message("expected " + what + ", found " + kind(node))
        .found(source(node)).fix(fix).add();
  }

  /**
   * The value of a scalar under the YAML 1.2 core schema: Long, Double (rounded with {@link
   * Values#round}), Boolean or String; null for a null scalar. Quoted scalars are always text.
   *
   * @throws NumberFormatException for an integer beyond the range of a long
   */
  static Object value(ScalarNode scalar) {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return text.toLowerCase(Locale.ROOT).equals("true");
    }
    if (tag.equals(Tag.INT)) {
      return parseInteger(text);
    }
    if (tag.equals(Tag.FLOAT)) {
      return Values.round(parseFloat(text));
    }
    return text;
  }

  private static long parseInteger(String text) {
    BigInteger big;
    if (text.startsWith("0x")) {
      big = new BigInteger(text.substring(2), 16);
    } else if (text.startsWith("0o")) {
      big = new BigInteger(text.substring(2), 8);
    } else {
      big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }
    return big.longValueExact();
  }

  private static double parseFloat(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".inf")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals(".nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  /**
   * A single value for a level: text, a number or true/false.
   *
   * @return the value, or null after filing a problem
   */
  static Object level(Node node, String path, Problems problems) {
    if (!(node instanceof ScalarNode scalar) || isNull(node)) {
      expected(problems, node, path, "a single value (text, a number or true/false)",
          isNull(node) ? "write a value, or quote it if it is text such as 'null'"
              : "write one value per item, such as [0, 0.5]; quote text with brackets in it");
      return null;
    }
    try {
      return value(scalar);
    } catch (NumberFormatException | ArithmeticException e) {
      problems.at(node, path).message("integer " + kind(node) + " is too large")
          .found(scalar.getValue())
          .fix("stay within +-9223372036854775807, or quote it to make it text").add();
      return null;
    }
  }

  /** A number: a Long or a Double; null after filing a problem. */
  static Number number(Node node, String path, Problems problems, String fix) {
    if (node instanceof ScalarNode scalar
        && (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
      Object value = level(node, path, problems);
      return (Number) value;
    }
    expected(problems, node, path, "a number", fix);
    return null;
  }

  /** A whole number; null after filing a problem. */
  static Long integer(Node node, String path, Problems problems, String fix) {
    if (node instanceof ScalarNode && node.getTag().equals(Tag.INT)) {
      return (Long) level(node, path, problems);
    }
    expected(problems, node, path, "a whole number", fix);
    return null;
  }

  /** The text of a scalar as written (a number keeps its spelling); null after a problem. */
  static String text(Node node, String path, Problems problems, String what, String fix) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return scalar.getValue();
    }
    expected(problems, node, path, what, fix);
    return null;
  }

  /** true or false; null after filing a problem. */
  static Boolean bool(Node node, String path, Problems problems) {
    if (node instanceof ScalarNode && node.getTag().equals(Tag.BOOL)) {
      return (Boolean) value((ScalarNode) node);
    }
    String key = path.substring(path.lastIndexOf('.') + 1);
    expected(problems, node, path, "true or false",
        "write `" + key + ": true` or `" + key + ": false` (yes, no, on and off are text)");
    return null;
  }

  /**
   * The items of a list. A single scalar counts as a list of one when {@code scalarIsOne}.
   *
   * @return the items, or null after filing a problem
   */
  static List<Node> list(Node node, String path, Problems problems, String what,
      boolean scalarIsOne, String fix) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (scalarIsOne && node instanceof ScalarNode && !isNull(node)) {
      return List.of(node);
    }
    expected(problems, node, path, what, fix);
    return null;
  }
}
