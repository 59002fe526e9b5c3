package xyz.serve;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with its parameters kept apart: every value that comes from a request or a study
 * file is bound to a {@code ?}, never written into the text. Identifiers go in through {@link
 * #identifier}, and only names already checked against the study and its database.
 */
final class Query {
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  /** Appends SQL text written by the explorer itself. */
  Query sql(String text) {
    sql.append(text);
    return this;
  }

  /** Appends an integer the explorer computed (a position, a code, a count). */
  Query number(long value) {
    sql.append(value);
    return this;
  }

  /** Appends a {@code ?} bound to a String, Long, Double or Boolean value. */
  Query bind(Object value) {
    if (!(value instanceof String || value instanceof Long || value instanceof Double
        || value instanceof Boolean || value instanceof Integer)) {
      throw new IllegalArgumentException("cannot bind " + value);
    }
    sql.append('?');
    params.add(value);
    return this;
  }

  /** Appends another query, its parameters after these. */
  Query append(Query other) {
    sql.append(other.sql);
    params.addAll(other.params);
    return this;
  }

  /** A quoted identifier: the caller has checked the name against the database's columns. */
  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** The statement with every parameter bound. */
  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql.toString());
    try {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof String s) {
          statement.setString(i + 1, s);
        } else if (p instanceof Long l) {
          statement.setLong(i + 1, l);
        } else if (p instanceof Integer n) {
          statement.setInt(i + 1, n);
        } else if (p instanceof Double d) {
          statement.setDouble(i + 1, d);
        } else {
          statement.setBoolean(i + 1, (Boolean) p);
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return sql.toString();
  }
}
