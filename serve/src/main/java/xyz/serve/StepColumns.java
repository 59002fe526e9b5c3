package xyz.serve;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations that have a step and a finite value, copied once from the open database into
 * columns in memory, so that a view over steps reads them in one pass instead of joining,
 * grouping and sorting them in DuckDB at every shelf change.
 *
 * <p>The rows are sorted by cell, observable and step (then file order), so that the rows of one
 * cell and observable are one run, in step order. A step is held as its rank among the distinct
 * steps: the rows of a line that averages several cells meet at equal ranks. About 12 bytes a
 * row, plus 4 a distinct step.
 */
final class StepColumns {
  /** The share of the heap the columns may take; past it the views stay in DuckDB. */
  private static final int HEAP_SHARE = 4;
  private static final int BYTES_PER_ROW = 12;

  private final Map<String, Integer> cells;
  private final Map<String, Integer> observables;
  private final long[] steps;
  private final int[] runStart;
  private final int[] rank;
  private final double[] value;

  private StepColumns(Map<String, Integer> cells, Map<String, Integer> observables, long[] steps,
      int[] runStart, int[] rank, double[] value) {
    this.cells = cells;
    this.observables = observables;
    this.steps = steps;
    this.runStart = runStart;
    this.rank = rank;
    this.value = value;
  }

  /**
   * Reads the observations with a step from the database.
   *
   * @return the columns, or null when they would take more than a quarter of the heap
   */
  static StepColumns load(Connection connection) throws SQLException {
    long rows;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM observations WHERE step IS NOT NULL"
            + " AND isfinite(value)")) {
      rs.next();
      rows = rs.getLong(1);
    }
    if (rows > Integer.MAX_VALUE - 8
        || rows * BYTES_PER_ROW > Runtime.getRuntime().maxMemory() / HEAP_SHARE) {
      return null;
    }
    String stepped = "FROM observations WHERE step IS NOT NULL AND isfinite(value)";
    List<String> cellIds = strings(connection, "SELECT DISTINCT cell_id " + stepped
        + " ORDER BY cell_id");
    List<String> names = strings(connection, "SELECT DISTINCT observable " + stepped
        + " ORDER BY observable");
    long[] steps;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT step " + stepped + " ORDER BY step")) {
      long[] out = new long[64];
      int n = 0;
      while (rs.next()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = rs.getLong(1);
      }
      steps = Arrays.copyOf(out, n);
    }
    int size = (int) rows;
    int runs = cellIds.size() * names.size();
    int[] runStart = new int[runs + 1];
    int[] rank = new int[size];
    double[] value = new double[size];
    // Codes come from DuckDB's own order of the same distinct values, so that the rows arrive
    // sorted by run and the runs are found by counting.
    String sql = "WITH c AS (SELECT cell_id, CAST(row_number() OVER (ORDER BY cell_id) - 1 AS"
        + " INTEGER) AS c FROM (SELECT DISTINCT cell_id " + stepped + ")), y AS (SELECT"
        + " observable, CAST(row_number() OVER (ORDER BY observable) - 1 AS INTEGER) AS y FROM"
        + " (SELECT DISTINCT observable " + stepped + ")), x AS (SELECT step, CAST(row_number()"
        + " OVER (ORDER BY step) - 1 AS INTEGER) AS x FROM (SELECT DISTINCT step " + stepped
        + ")) SELECT c.c * " + names.size() + " + y.y, x.x, o.value FROM observations o JOIN c"
        + " USING (cell_id) JOIN y USING (observable) JOIN x USING (step) WHERE isfinite(o.value)"
        + " ORDER BY 1, 2, o.seq";
    int n = 0;
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next() && n < size) {
        runStart[rs.getInt(1) + 1]++;
        rank[n] = rs.getInt(2);
        value[n] = rs.getDouble(3);
        n++;
      }
    }
    for (int i = 0; i < runs; i++) {
      runStart[i + 1] += runStart[i];
    }
    Map<String, Integer> cells = new HashMap<>();
    for (int i = 0; i < cellIds.size(); i++) {
      cells.put(cellIds.get(i), i);
    }
    Map<String, Integer> observables = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      observables.put(names.get(i), i);
    }
    return new StepColumns(cells, observables, steps, runStart, rank, value);
  }

  private static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The position of a cell among those with observations over steps, or -1 if it has none. */
  int cell(String cellId) {
    Integer c = cells.get(cellId);
    return c == null ? -1 : c;
  }

  /** The code of an observable, or -1 if no observation with a step records it. */
  int observable(String name) {
    Integer y = observables.get(name);
    return y == null ? -1 : y;
  }

  /** The first row of the run of a cell and an observable. */
  int runStart(int cell, int observable) {
    return runStart[cell * observables.size() + observable];
  }

  /** The row after the run of a cell and an observable. */
  int runEnd(int cell, int observable) {
    return runStart[cell * observables.size() + observable + 1];
  }

  /** The step rank of a row. */
  int rank(int row) {
    return rank[row];
  }

  /** The value of a row. */
  double value(int row) {
    return value[row];
  }

  /** The step of a rank. */
  long step(int rank) {
    return steps[rank];
  }

  /** The number of distinct steps. */
  int stepCount() {
    return steps.length;
  }
}
