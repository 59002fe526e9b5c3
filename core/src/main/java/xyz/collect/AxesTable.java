package xyz.collect;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import xyz.study.Axis;
import xyz.study.Values;

/**
 * Writes the {@code axes} table: every level of every axis in declaration order, so that readers
 * can order facets, legends and table rows the way the study file does.
 */
final class AxesTable {
  private AxesTable() {}

  static void write(ResultsDatabase db, List<Axis> axes) throws SQLException {
    db.execute("CREATE TABLE axes (axis VARCHAR, role VARCHAR, position INTEGER,"
        + " level_index INTEGER, label VARCHAR, value DOUBLE, replicate BOOLEAN)");
    try (DuckDBAppender a = db.appender("axes")) {
      for (int position = 0; position < axes.size(); position++) {
        Axis axis = axes.get(position);
        List<Object> levels = axis.levels();
        for (int level = 0; level < levels.size(); level++) {
          Object v = levels.get(level);
          a.beginRow()
              .append(axis.name())
              .append(axis.role().name().toLowerCase(Locale.ROOT))
              .append(position)
              .append(level)
              .append(Values.label(v));
          if (v instanceof Double || v instanceof Float) {
            a.append(Values.round(((Number) v).doubleValue()));
          } else if (v instanceof Number n) {
            a.append(n.doubleValue());
          } else {
            a.appendNull();
          }
          a.append(axis.replicate()).endRow();
        }
      }
    }
  }
}
