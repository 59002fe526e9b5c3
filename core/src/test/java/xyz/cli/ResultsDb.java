package xyz.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a collected study's database, read-only, as the tests compare it. */
final class ResultsDb {
  private ResultsDb() {}

  /** A read-only connection to the {@code results.duckdb} of a results folder. */
  static Connection open(Path results) throws Exception {
    Properties ro = new Properties();
    ro.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + results.resolve("results.duckdb"), ro);
  }

  /** Every row of a query, each as its column values in order. */
  static List<List<Object>> rows(Path results, String sql) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = open(results);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(r.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
