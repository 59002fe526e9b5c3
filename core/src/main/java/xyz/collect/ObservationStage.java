package xyz.collect;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Builds the {@code observations} table. Rows are first appended with numbers in place of the
 * cell id and the observable (numbers are copied by the Appender in Java, strings need a native
 * call each), into a temporary table; one SQL statement then joins the names back in.
 *
 * <p>Observables are numbered in order: the declared ones first, then each other one when a cell
 * first reports it. Cells must be appended in cell order, so that this is the order of first
 * appearance.
 */
final class ObservationStage {
  private final ResultsDatabase db;
  private final List<String> observables = new ArrayList<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final DuckDBAppender appender;
  private final int declared;
  private long rows;

  ObservationStage(ResultsDatabase db, List<String> declaredObservables) throws SQLException {
    this.db = db;
    for (String name : declaredObservables) {
      number(name);
    }
    this.declared = observables.size();
    db.execute("CREATE TEMP TABLE observation_stage (cell_no INTEGER, seq INTEGER, step BIGINT,"
        + " observable_no INTEGER, value DOUBLE)");
    this.appender = db.appender("observation_stage");
  }

  private int number(String name) {
    Integer n = numbers.get(name);
    if (n == null) {
      n = observables.size();
      numbers.put(name, n);
      observables.add(name);
    }
    return n;
  }

  private int[] numbers(ObservationBatch batch) {
    List<String> names = batch.names();
    int[] global = new int[names.size()];
    for (int i = 0; i < global.length; i++) {
      global[i] = number(names.get(i));
    }
    return global;
  }

  /** Appends the rows the batch holds now, for the cell numbered {@code cellNo}. */
  void append(int cellNo, ObservationBatch batch) throws SQLException {
    int[] global = numbers(batch);
    DuckDBAppender a = appender;
    for (int r = 0, n = batch.size(); r < n; r++) {
      a.beginRow();
      a.append(cellNo);
      a.append(batch.seq(r));
      if (batch.hasStep(r)) {
        a.append(batch.step(r));
      } else {
        a.appendNull();
      }
      a.append(global[batch.observable(r)]);
      a.append(batch.value(r));
      a.endRow();
    }
    rows += batch.size();
  }

  /** Keeps the batch's final values in the cell's record, numbered like this stage's. */
  void keepFinals(CellRecord cell, ObservationBatch batch) {
    int[] global = numbers(batch);
    double[] values = new double[global.length];
    for (int i = 0; i < global.length; i++) {
      values[i] = batch.finalValue(i);
    }
    cell.finalObservables = global;
    cell.finalValues = values;
  }

  /** Every observable: the declared ones, then the others in order of first appearance. */
  List<String> observables() {
    return observables;
  }

  /** How many of {@link #observables()} the study declared. */
  int declared() {
    return declared;
  }

  /**
   * Writes the {@code observations} table from the staged rows, in cell order, line order and,
   * within a line, the order the line gave its observables.
   *
   * @param cells the cells, numbered by their position in this list
   * @return the number of rows written
   */
  long finish(List<CellRecord> cells) throws SQLException {
    appender.close();
    db.execute("CREATE TEMP TABLE cell_key (cell_no INTEGER, cell_id VARCHAR)");
    try (DuckDBAppender a = db.appender("cell_key")) {
      for (int i = 0; i < cells.size(); i++) {
        a.beginRow().append(i).append(cells.get(i).id).endRow();
      }
    }
    db.execute("CREATE TEMP TABLE observable_key (observable_no INTEGER, observable VARCHAR)");
    try (DuckDBAppender a = db.appender("observable_key")) {
      for (int i = 0; i < observables.size(); i++) {
        a.beginRow().append(i).append(observables.get(i)).endRow();
      }
    }
    db.execute("CREATE TABLE observations (cell_id VARCHAR, seq INTEGER, step BIGINT,"
        + " observable VARCHAR, value DOUBLE)");
    // The stage's rowid is the append order, which is already the order wanted.
    db.execute("INSERT INTO observations SELECT k.cell_id, s.seq, s.step, o.observable, s.value"
        + " FROM observation_stage s JOIN cell_key k USING (cell_no)"
        + " JOIN observable_key o USING (observable_no) ORDER BY s.rowid");
    db.execute("DROP TABLE observation_stage");
    db.execute("DROP TABLE cell_key");
    db.execute("DROP TABLE observable_key");
    return rows;
  }
}
