package xyz.collect;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import xyz.UserError;

/**
 * The DuckDB file a collect writes, opened with settings that suit a box shared with running
 * cells: few threads and a memory limit. Timestamps are shown in UTC and insertion order is kept,
 * so that the CSV files are the same on every machine.
 */
final class ResultsDatabase implements AutoCloseable {
  /** System property: DuckDB's memory limit for collect, such as {@code 1GB}. */
  static final String MEMORY_PROPERTY = "xyz.collect.memory";
  /** System property: how many threads DuckDB may use for collect. */
  static final String THREADS_PROPERTY = "xyz.collect.threads";

  private final DuckDBConnection connection;

  private ResultsDatabase(DuckDBConnection connection) {
    this.connection = connection;
  }

  /** Creates a new database file (which must not exist yet) and applies the settings. */
  static ResultsDatabase create(Path file) throws SQLException {
    DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection(
        "jdbc:duckdb:" + file.toAbsolutePath());
    ResultsDatabase db = new ResultsDatabase(c);
    try {
      db.setting("memory_limit", System.getProperty(MEMORY_PROPERTY, "1GB"), MEMORY_PROPERTY);
      String threads = System.getProperty(THREADS_PROPERTY,
          String.valueOf(Math.min(4, Runtime.getRuntime().availableProcessors())));
      db.setting("threads", threads, THREADS_PROPERTY);
      db.execute("SET preserve_insertion_order = true");
      db.execute("SET TimeZone = 'UTC'");
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return db;
  }

  private void setting(String name, String value, String property) throws SQLException {
    try {
      execute("SET " + name + " = " + literal(value));
    } catch (SQLException e) {
      throw new UserError("-D" + property + "=" + value + " is not a valid DuckDB " + name
          + " (" + e.getMessage() + "); use for example -D" + MEMORY_PROPERTY + "=1GB and -D"
          + THREADS_PROPERTY + "=2", e);
    }
  }

  /** Runs one statement. */
  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** The single number a query returns. */
  long queryLong(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** An Appender on a table of this database (or a temporary one). */
  DuckDBAppender appender(String table) throws SQLException {
    return connection.createAppender(table);
  }

  /** Writes a query's rows to a CSV file: header, comma, '.' decimal point, UTF-8. */
  void copyToCsv(String query, Path file) throws SQLException {
    execute("COPY (" + query + ") TO " + literal(file.toAbsolutePath().toString())
        + " (FORMAT CSV, HEADER, DELIMITER ',')");
  }

  /** Writes everything to the file and closes it, leaving no write-ahead log beside it. */
  @Override
  public void close() throws SQLException {
    try {
      execute("CHECKPOINT");
    } finally {
      connection.close();
    }
  }

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A SQL identifier, quoted so that any name (even {@code user} or {@code a b}) is taken. */
  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A name compared the way DuckDB compares identifiers: case-insensitively. */
  static String folded(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
