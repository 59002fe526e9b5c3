package xyz.study;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Names and methods as the study file declares them, before they become axes. */
final class Declared {
  private Declared() {}

  /**
   * A name in a list (a method or a dataset).
   *
   * @param name the name as written
   * @param node where it is written
   * @param path its path, such as {@code datasets[2]}
   */
  record Name(String name, Node node, String path) {}

  /**
   * A method with the controls that belong to it alone.
   *
   * @param name the method's name
   * @param node where it is written
   * @param path its path, such as {@code methods[1]}
   * @param controls its own controls, in the order written
   */
  record Method(String name, Node node, String path, List<Control> controls) {}
}
