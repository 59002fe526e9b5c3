package xyz.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.duckdb.DuckDBAppender;
import xyz.study.Values;

/**
 * The column types collect writes, with the conversion from a JSON value and the matching
 * Appender call (the Appender accepts only the exact Java type of each column).
 */
enum SqlType {
  BIGINT("BIGINT", "an integer"),
  INTEGER("INTEGER", "an integer"),
  DOUBLE("DOUBLE", "a number"),
  BOOLEAN("BOOLEAN", "true or false"),
  VARCHAR("VARCHAR", "text"),
  TIMESTAMPTZ("TIMESTAMP WITH TIME ZONE", "an ISO timestamp such as 2026-12-03T19:10:00.123Z");

  private final String sql;
  private final String expected;

  SqlType(String sql, String expected) {
    this.sql = sql;
    this.expected = expected;
  }

  /** The type as written in DDL. */
  String sql() {
    return sql;
  }

  /** What a value of this type looks like, for messages. */
  String expected() {
    return expected;
  }

  /**
   * The Java value a JSON value stands for in a column of this type: Long, Integer, Double,
   * Boolean, String or OffsetDateTime; null for an absent value or JSON null.
   *
   * @throws IllegalArgumentException when the value is of another kind
   */
  Object fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (this) {
      case BIGINT:
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.longValue();
        }
        if (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
            && Math.abs(node.doubleValue()) < 0x1p63) {
          return (long) node.doubleValue();
        }
        break;
      case INTEGER:
        if (node.isIntegralNumber() && node.canConvertToInt()) {
          return node.intValue();
        }
        break;
      case DOUBLE:
        if (node.isNumber()) {
          return node.doubleValue();
        }
        break;
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        break;
      case VARCHAR:
        if (node.isTextual()) {
          return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return Values.label(node.longValue());
        }
        if (node.isNumber()) {
          return Values.label(node.doubleValue());
        }
        if (node.isBoolean()) {
          return String.valueOf(node.booleanValue());
        }
        break;
      case TIMESTAMPTZ:
        if (node.isTextual()) {
          try {
            return OffsetDateTime.parse(node.textValue()).withOffsetSameInstant(ZoneOffset.UTC);
          } catch (DateTimeParseException e) {
            // Without an offset, a timestamp is taken as UTC, as xyz writes them.
          }
          try {
            return LocalDateTime.parse(node.textValue()).atOffset(ZoneOffset.UTC);
          } catch (DateTimeParseException e) {
            break;
          }
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "is " + ObservationReader.clean(shown(node)) + ", not " + expected);
  }

  private static String shown(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** Appends a value made by {@link #fromJson} (or null) to the current row. */
  void append(DuckDBAppender appender, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (this) {
      case BIGINT:
        appender.append((long) (Long) value);
        break;
      case INTEGER:
        appender.append((int) (Integer) value);
        break;
      case DOUBLE:
        appender.append((double) (Double) value);
        break;
      case BOOLEAN:
        appender.append((boolean) (Boolean) value);
        break;
      case VARCHAR:
        appender.append((String) value);
        break;
      case TIMESTAMPTZ:
        appender.append((OffsetDateTime) value);
        break;
      default:
        throw new IllegalStateException(name());
    }
  }
}
