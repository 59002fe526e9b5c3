package xyz.serve;

import java.util.List;
import java.util.Locale;
import xyz.study.Axis;
import xyz.study.Values;

/**
 * The SQL that turns a cell's value of an axis into the position of its level among the levels
 * a view keeps, as {@code xyz plot} does, with every level value bound. Codes below zero say why
 * a cell has no place: {@link #FILTERED}, {@link #UNKNOWN} (a value the study no longer
 * declares) or {@link #MISSING} (no value where the view needs one).
 */
final class Positions {
  static final int FILTERED = -1;
  static final int UNKNOWN = -2;
  static final int MISSING = -3;

  private Positions() {}

  /**
   * A CASE expression giving each kept level its position, dropped levels {@link #FILTERED},
   * other values {@link #UNKNOWN}, and NULL {@code nullCode}.
   *
   * @param columnType the DuckDB type of the axis column in the cells table
   * @param kept the indices of the kept levels, in declaration order
   */
  static Query of(Axis axis, String columnType, List<Integer> kept, int nullCode) {
    String column = Query.identifier(axis.name());
    Query q = new Query().sql("(CASE WHEN ").sql(column).sql(" IS NULL THEN ").number(nullCode);
    for (int i = 0; i < axis.levels().size(); i++) {
      int position = kept.indexOf(i);
      q.sql(" WHEN ");
      equal(q, column, columnType, axis.levels().get(i));
      q.sql(" THEN ").number(position >= 0 ? position : FILTERED);
    }
    return q.sql(" ELSE ").number(UNKNOWN).sql(" END)");
  }

  private static void equal(Query q, String column, String columnType, Object level) {
    String type = columnType.toUpperCase(Locale.ROOT);
    if (level instanceof Number n && isInteger(type) && isWhole(n)) {
      q.sql(column).sql(" = ").bind(n.longValue());
    } else if (level instanceof Number n && isFloating(type)) {
      q.sql(column).sql(" = ").bind(Values.round(n.doubleValue()));
    } else if (level instanceof Boolean b && type.equals("BOOLEAN")) {
      q.sql(column).sql(" = ").bind(b);
    } else {
      // A column of mixed levels holds their labels, the one text xyz writes for a value.
      q.sql("CAST(").sql(column).sql(" AS VARCHAR) = ").bind(Values.label(level));
    }
  }

  private static boolean isWhole(Number n) {
    return n instanceof Long || n instanceof Integer
        || n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15;
  }

  private static boolean isInteger(String type) {
    return List.of("BIGINT", "INTEGER", "HUGEINT", "SMALLINT", "TINYINT", "UBIGINT", "UINTEGER")
        .contains(type);
  }

  private static boolean isFloating(String type) {
    return type.equals("DOUBLE") || type.equals("FLOAT") || type.startsWith("DECIMAL");
  }
}
