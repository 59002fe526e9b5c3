package xyz.plot;

import java.util.List;
import java.util.Locale;
import xyz.study.Axis;
import xyz.study.Values;

/**
 * Writes the SQL that turns a cell's value of an axis into the position of its level among the
 * levels a figure keeps, so that DuckDB hands back small integers instead of values to compare.
 *
 * <p>The codes below zero say why a cell has no place: {@link #FILTERED}, {@link #UNKNOWN} (a
 * value the study does not declare, from results of an older study) or {@link #MISSING} (no
 * value where the figure needs one).
 */
final class LevelSql {
  /** The level is one the figure's filter drops. */
  static final int FILTERED = -1;
  /** The value is not a level of the axis as the study declares it now. */
  static final int UNKNOWN = -2;
  /** The cell has no value for the axis and the figure needs one. */
  static final int MISSING = -3;

  private LevelSql() {}

  /**
   * A CASE expression giving each kept level its position, dropped levels {@link #FILTERED},
   * other values {@link #UNKNOWN}, and NULL {@code nullCode}.
   *
   * @param columnType the DuckDB type of the axis column in the cells table
   */
  static String position(Axis axis, String columnType, List<Integer> kept, int nullCode) {
    String column = identifier(axis.name());
    StringBuilder sql = new StringBuilder("(CASE WHEN ").append(column).append(" IS NULL THEN ")
        .append(nullCode);
    for (int i = 0; i < axis.levels().size(); i++) {
      int position = kept.indexOf(i);
      sql.append(" WHEN ").append(equal(column, columnType, axis.levels().get(i)))
          .append(" THEN ").append(position >= 0 ? position : FILTERED);
    }
    return sql.append(" ELSE ").append(UNKNOWN).append(" END)").toString();
  }

  private static String equal(String column, String columnType, Object level) {
    String type = columnType.toUpperCase(Locale.ROOT);
    if (level instanceof Number n && isInteger(type) && isWhole(n)) {
      return column + " = " + n.longValue();
    }
    if (level instanceof Number n && isFloating(type)) {
      double value = Values.round(n.doubleValue());
      return column + " = CAST('" + value + "' AS DOUBLE)";
    }
    if (level instanceof Boolean b && type.equals("BOOLEAN")) {
      return column + " = " + b;
    }
    // A column of mixed levels holds their labels, the one text xyz writes for a value.
    return "CAST(" + column + " AS VARCHAR) = " + literal(Values.label(level));
  }

  private static boolean isWhole(Number n) {
    return n instanceof Long || n instanceof Integer
        || n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15;
  }

  private static boolean isInteger(String type) {
    return type.equals("BIGINT") || type.equals("INTEGER") || type.equals("HUGEINT")
        || type.equals("SMALLINT") || type.equals("TINYINT") || type.equals("UBIGINT")
        || type.equals("UINTEGER");
  }

  private static boolean isFloating(String type) {
    return type.equals("DOUBLE") || type.equals("FLOAT") || type.startsWith("DECIMAL");
  }

  /** A quoted SQL identifier. */
  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A quoted SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
