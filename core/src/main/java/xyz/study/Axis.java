package xyz.study;

import java.util.List;
import java.util.Objects;

/**
 * One named dimension of a study's grid, with its levels in the order the user wrote them.
 *
 * <p>A level is a {@link String}, {@link Long}, {@link Double} or {@link Boolean}; see {@link
 * Values}. A replicate axis (seeds) is averaged over by figures and tables. An axis that belongs
 * to some methods only lists them in {@code methods}; cells of other methods have no value for it.
 *
 * @param name the parameter name, as used in placeholders, columns and figure flags
 * @param role method, dataset or control
 * @param levels the distinct values, in declaration order (draws: in draw order)
 * @param replicate whether figures average over this axis
 * @param methods the methods this control belongs to; empty when it belongs to all
 */
public record Axis(
    String name, AxisRole role, List<Object> levels, boolean replicate, List<String> methods) {

  /** Checks the invariants and freezes the lists. */
  public Axis {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    levels = List.copyOf(levels);
    methods = List.copyOf(methods);
  }

  /** The readable labels of the levels, in order. */
  public List<String> labels() {
    return levels.stream().map(Values::label).toList();
  }

  /** Whether every level is a number, so that the axis can be drawn on a numeric scale. */
  public boolean numeric() {
    return !levels.isEmpty() && levels.stream().allMatch(v -> v instanceof Number);
  }
}
