package xyz.collect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;

/**
 * Writes the {@code cells} table: {@code cell_id}, {@code cell_index}, one column per axis, one
 * DOUBLE per observable with its final value, then the status and provenance columns.
 *
 * <p>DuckDB compares column names case-insensitively, so an axis or observable whose name is
 * already taken (an observable called {@code state}, or {@code Loss} beside {@code loss}) gets a
 * suffix, {@code state_2}, and a warning says so.
 */
final class CellsTable {
  private CellsTable() {}

  /** Creates the table and appends every cell, in the list's order. */
  static void write(ResultsDatabase db, List<AxisColumn> axes, List<String> observables,
      List<CellRecord> cells, Warnings warnings) throws SQLException {
    Set<String> taken = new HashSet<>();
    taken.add("cell_id");
    taken.add("cell_index");
    for (Field f : Field.values()) {
      taken.add(f.column);
    }
    List<String> columns = new ArrayList<>();
    columns.add("cell_id VARCHAR");
    columns.add("cell_index INTEGER");
    for (AxisColumn axis : axes) {
      String name = unique(axis.name(), taken, "axis", warnings);
      columns.add(ResultsDatabase.identifier(name) + " " + axis.type().sql());
    }
    for (String observable : observables) {
      String name = unique(observable, taken, "observable", warnings);
      columns.add(ResultsDatabase.identifier(name) + " DOUBLE");
    }
    for (Field f : Field.values()) {
      columns.add(ResultsDatabase.identifier(f.column) + " " + f.type.sql());
    }
    db.execute("CREATE TABLE cells (" + String.join(", ", columns) + ")");

    double[] finals = new double[observables.size()];
    boolean[] present = new boolean[observables.size()];
    try (DuckDBAppender a = db.appender("cells")) {
      for (CellRecord cell : cells) {
        Arrays.fill(present, false);
        for (int i = 0; i < cell.finalObservables.length; i++) {
          finals[cell.finalObservables[i]] = cell.finalValues[i];
          present[cell.finalObservables[i]] = true;
        }
        a.beginRow();
        a.append(cell.id);
        SqlType.INTEGER.append(a, cell.index);
        for (int i = 0; i < axes.size(); i++) {
          axes.get(i).type().append(a, cell.axisValues[i]);
        }
        for (int i = 0; i < finals.length; i++) {
          if (present[i]) {
            a.append(finals[i]);
          } else {
            a.appendNull();
          }
        }
        for (Field f : Field.values()) {
          f.type.append(a, cell.fields[f.ordinal()]);
        }
        a.endRow();
      }
    }
  }

  private static String unique(String name, Set<String> taken, String kind, Warnings warnings) {
    if (taken.add(ResultsDatabase.folded(name))) {
      return name;
    }
    int n = 2;
    while (!taken.add(ResultsDatabase.folded(name + "_" + n))) {
      n++;
    }
    String renamed = name + "_" + n;
    warnings.add("the " + kind + " " + name + " has the name of another column of cells: its"
        + " column is called " + renamed);
    return renamed;
  }
}
