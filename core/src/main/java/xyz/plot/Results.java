package xyz.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import xyz.UserError;

/**
 * A study's results database, opened read-only so that drawing never changes it and can run
 * while another process reads it too. Knows the columns of the cells table.
 */
final class Results implements AutoCloseable {
  /** The cells columns after the observables; see the results layout. */
  private static final String FIRST_STATUS_COLUMN = "state";
  private static final String COLLECT = "run the study with `xyz run` (or `xyz collect` after a"
      + " run)";

  private final Path file;
  private final Connection connection;
  private final Map<String, String> cellColumns;
  private final Set<String> databaseAxes;

  private Results(Path file, Connection connection) throws SQLException {
    this.file = file;
    this.connection = connection;
    this.cellColumns = columns("cells");
    this.databaseAxes = new TreeSet<>();
    if (!columns("axes").isEmpty()) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT DISTINCT axis FROM axes")) {
        while (rs.next()) {
          databaseAxes.add(rs.getString(1));
        }
      }
    }
  }

  /**
   * Opens the database read-only.
   *
   * @param where how messages about the figure begin, such as {@code study.yaml: figure 'f'}
   */
  static Results open(Path file, String where) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(where + ": there are no results to draw: " + file
          + " does not exist\n  fix: " + COLLECT);
    }
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
      try {
        Results results = new Results(file, connection);
        if (results.cellColumns.isEmpty()) {
          throw new UserError(where + ": there are no results to draw: " + file + " has no"
              + " cells table\n  fix: " + COLLECT);
        }
        return results;
      } catch (RuntimeException | SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file the results are read from. */
  Path file() {
    return file;
  }

  /** The open connection; statements on it only read. */
  Connection connection() {
    return connection;
  }

  /** The DuckDB type of a cells column, or null if the table has no such column. */
  String cellColumnType(String column) {
    return cellColumns.get(column);
  }

  /**
   * The observables the cells reported: the cells columns between the axes and the status
   * columns.
   *
   * @param studyAxes the axes the study declares now
   */
  List<String> recordedObservables(Set<String> studyAxes) {
    List<String> names = new ArrayList<>();
    boolean first = true;
    for (String column : cellColumns.keySet()) {
      if (first) {
        first = false;
        continue;
      }
      if (column.equals(FIRST_STATUS_COLUMN)) {
        break;
      }
      if (!column.equals("cell_index") && !studyAxes.contains(column)
          && !databaseAxes.contains(column)) {
        names.add(column);
      }
    }
    return names;
  }

  private Map<String, String> columns(String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (var statement = connection.prepareStatement("SELECT column_name, data_type FROM"
        + " information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
      statement.setString(1, table);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return columns;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
