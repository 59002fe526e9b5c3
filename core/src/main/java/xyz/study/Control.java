package xyz.study;

import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A control as declared in the study file, before it becomes an axis.
 *
 * @param name the control's name
 * @param keyNode where its name is written, for problems about the name
 * @param node where its levels are written
 * @param path its path, such as {@code controls.lr} or {@code methods[1].controls.trees}
 * @param levels its levels, or null for a random draw or when they had mistakes
 * @param draw how it is drawn, or null when it is not a random draw
 * @param replicate whether it is a replicate axis
 */
record Control(String name, Node keyNode, Node node, String path, List<Object> levels,
    Draw draw, boolean replicate) {

  /** Whether its levels were read without mistakes (or it is a valid draw). */
  boolean valid() {
    return levels != null || draw != null;
  }

  /**
   * How a random control is drawn.
   *
   * @param kind {@code uniform}, {@code loguniform} or {@code choice}
   * @param low the lower bound (uniform, loguniform)
   * @param high the upper bound (uniform, loguniform)
   * @param choices the values to pick from (choice)
   */
  record Draw(String kind, double low, double high, List<Object> choices) {}
}
