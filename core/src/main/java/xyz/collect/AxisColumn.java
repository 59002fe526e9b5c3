package xyz.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import xyz.study.Axis;
import xyz.study.Values;

/**
 * The column of one axis in the {@code cells} table. Its type follows the axis's levels: BIGINT
 * when all are integers, DOUBLE when all are numbers and some are not integers, BOOLEAN when all
 * are booleans, VARCHAR otherwise, so that a column reads back as the values the study declared.
 *
 * @param axis the study's axis
 * @param type the column type
 */
record AxisColumn(Axis axis, SqlType type) {

  /** The column for an axis, typed from its levels. */
  static AxisColumn of(Axis axis) {
    return new AxisColumn(axis, typeOf(axis.levels()));
  }

  /** The column type that holds every one of these levels as what it is. */
  static SqlType typeOf(List<Object> levels) {
    if (levels.isEmpty()) {
      return SqlType.VARCHAR;
    }
    if (levels.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
      return SqlType.BIGINT;
    }
    if (levels.stream().allMatch(v -> v instanceof Number)) {
      return SqlType.DOUBLE;
    }
    if (levels.stream().allMatch(v -> v instanceof Boolean)) {
      return SqlType.BOOLEAN;
    }
    return SqlType.VARCHAR;
  }

  /** The axis's name, which is the column's name. */
  String name() {
    return axis.name();
  }

  /**
   * A cell's value for this axis, as read from its params.json.
   *
   * @throws IllegalArgumentException when the value does not fit the column
   */
  Object value(JsonNode node) {
    Object v = type.fromJson(node);
    return v instanceof Double d ? Values.round(d) : v;
  }
}
