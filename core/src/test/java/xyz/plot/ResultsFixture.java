package xyz.plot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xyz.study.Axis;
import xyz.study.Study;
import xyz.study.Values;

/**
 * Writes a results.duckdb with the tables and column types of the results layout, holding the
 * cells a test describes.
 */
final class ResultsFixture {
  private final Study study;
  private final List<CellRow> cells = new ArrayList<>();

  /** One cell: its parameters, state, final values and observation lines. */
  static final class CellRow {
    final Map<String, Object> params;
    String state = "done";
    final Map<String, Double> finals = new LinkedHashMap<>();
    final List<Object[]> lines = new ArrayList<>();

    CellRow(Map<String, Object> params) {
      this.params = params;
    }

    /** Sets the cell's state, such as failed or timeout. */
    CellRow state(String value) {
      state = value;
      return this;
    }

    /** Records a final value of an observable. */
    CellRow last(String observable, double value) {
      finals.put(observable, value);
      return this;
    }

    /** Records one observation line at a step (null for none); the value may be NaN. */
    CellRow at(Long step, String observable, double value) {
      lines.add(new Object[] {step, observable, value});
      finals.put(observable, value);
      return this;
    }

    /** Records a series: values at steps 1, 2, 3... */
    CellRow series(String observable, double... values) {
      for (int i = 0; i < values.length; i++) {
        at((long) i + 1, observable, values[i]);
      }
      return this;
    }
  }

  ResultsFixture(Study study) {
    this.study = study;
  }

  /** Adds a cell with these parameters, given as axis name, value, axis name, value... */
  CellRow cell(Object... params) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], params[i + 1]);
    }
    CellRow row = new CellRow(map);
    cells.add(row);
    return row;
  }

  /** Writes the database and returns its path. */
  Path write(Path file) throws SQLException {
    Set<String> observables = new LinkedHashSet<>(study.observables());
    for (CellRow c : cells) {
      observables.addAll(c.finals.keySet());
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = connection.createStatement()) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE cells (cell_id VARCHAR,"
          + " cell_index INTEGER");
      for (Axis axis : study.axes()) {
        ddl.append(", \"").append(axis.name()).append("\" ").append(type(axis));
      }
      for (String o : observables) {
        ddl.append(", \"").append(o).append("\" DOUBLE");
      }
      ddl.append(", state VARCHAR, exit_code INTEGER, signal INTEGER, attempt INTEGER,"
          + " started TIMESTAMP, ended TIMESTAMP, seconds DOUBLE, host VARCHAR, \"user\" VARCHAR,"
          + " git_commit VARCHAR, git_dirty BOOLEAN, jvm VARCHAR, os VARCHAR, cpus INTEGER,"
          + " command_line VARCHAR, error VARCHAR, bad_observation_lines INTEGER)");
      s.execute(ddl.toString());
      s.execute("CREATE TABLE observations (cell_id VARCHAR, seq INTEGER, step BIGINT,"
          + " observable VARCHAR, value DOUBLE)");
      s.execute("CREATE TABLE axes (axis VARCHAR, role VARCHAR, position INTEGER,"
          + " level_index INTEGER, label VARCHAR, value DOUBLE, replicate BOOLEAN)");
      writeAxes(connection);
      writeCells(connection, observables);
    }
    return file;
  }

  private void writeAxes(Connection connection) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement(
        "INSERT INTO axes VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int a = 0; a < study.axes().size(); a++) {
        Axis axis = study.axes().get(a);
        for (int i = 0; i < axis.levels().size(); i++) {
          Object level = axis.levels().get(i);
          p.setString(1, axis.name());
          p.setString(2, axis.role().name().toLowerCase(java.util.Locale.ROOT));
          p.setInt(3, a);
          p.setInt(4, i);
          p.setString(5, Values.label(level));
          if (level instanceof Number n) {
            p.setDouble(6, Values.round(n.doubleValue()));
          } else {
            p.setNull(6, Types.DOUBLE);
          }
          p.setBoolean(7, axis.replicate());
          p.addBatch();
        }
      }
      p.executeBatch();
    }
  }

  private void writeCells(Connection connection, Set<String> observables) throws SQLException {
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender cell = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cells");
        DuckDBAppender line = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA,
            "observations")) {
      for (int index = 0; index < cells.size(); index++) {
        CellRow c = cells.get(index);
        String id = String.format(java.util.Locale.ROOT, "c%016x", index * 7919L + 13);
        cell.beginRow().append(id).append(index);
        for (Axis axis : study.axes()) {
          Object v = c.params.get(axis.name());
          String type = type(axis);
          if (v == null) {
            cell.appendNull();
          } else if (type.equals("BIGINT")) {
            cell.append(((Number) v).longValue());
          } else if (type.equals("DOUBLE")) {
            cell.append(Values.round(((Number) v).doubleValue()));
          } else if (type.equals("BOOLEAN")) {
            cell.append((boolean) (Boolean) v);
          } else {
            cell.append(Values.label(v));
          }
        }
        for (String o : observables) {
          Double v = c.finals.get(o);
          if (v == null) {
            cell.appendNull();
          } else {
            cell.append((double) v);
          }
        }
        cell.append(c.state).append(c.state.equals("done") ? 0 : 1).appendNull().append(1)
            .appendNull().appendNull().append(1.5).append("node1").append("ana").appendNull()
            .appendNull().append("17").append("Linux").append(2).append("train").appendNull()
            .append(0).endRow();
        int seq = 1;
        for (Object[] l : c.lines) {
          line.beginRow().append(id).append(seq++);
          if (l[0] == null) {
            line.appendNull();
          } else {
            line.append((long) (Long) l[0]);
          }
          line.append((String) l[1]);
          double value = (Double) l[2];
          if (Double.isNaN(value)) {
            line.appendNull();
          } else {
            line.append(value);
          }
          line.endRow();
        }
      }
    }
  }

  /** The column type the results layout gives an axis. */
  static String type(Axis axis) {
    List<Object> levels = axis.levels();
    if (levels.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
      return "BIGINT";
    }
    if (levels.stream().allMatch(v -> v instanceof Double)) {
      return "DOUBLE";
    }
    if (levels.stream().allMatch(v -> v instanceof Boolean)) {
      return "BOOLEAN";
    }
    return "VARCHAR";
  }
}
