package xyz.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one cell's {@code observations.jsonl}: each line a JSON object with an optional integer
 * {@code step} and numeric observables. A line is kept whole or left out whole, so that a bad line
 * never leaves half its values behind; every bad line is told to the sink with its reason.
 *
 * <p>Lines are split on bytes, not characters, so that binary garbage or an endless line costs a
 * bad line and never the file. The usual flat line is read by {@link FlatLine} without a parser
 * object (the larger part of collect's time went to making one per line); every other line by
 * Jackson, which gives the reasons. One instance reads one file at a time.
 */
final class ObservationReader {
  /** The longest line read; a longer one is a bad line (and is skipped without being held). */
  static final int MAX_LINE_BYTES = 1 << 20;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Most values are 17-digit doubles, which the JDK's parser reads on its slow path.
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();
  private static final int SHOWN_CHARS = 40;

  private final byte[] buffer = new byte[1 << 16];
  private byte[] pending = new byte[1 << 12];
  private String[] names = new String[8];
  private double[] values = new double[8];
  private final FlatLine flat;

  ObservationReader() {
    this(true);
  }

  /** A reader that can be told to parse every line with Jackson, for tests that compare. */
  ObservationReader(boolean flatLines) {
    this.flat = flatLines ? new FlatLine() : null;
  }

  /**
   * Reads the file into the sink. A file that does not exist has no lines.
   *
   * @return whether the file existed
   * @throws IOException when the file exists but cannot be read
   */
  boolean read(Path file, ObservationSink sink) throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return false;
    }
    try (in) {
      split(in, sink);
    }
    return true;
  }

  private void split(InputStream in, ObservationSink sink) throws IOException {
    int seq = 0;
    int pendingLength = 0;
    boolean tooLong = false;
    int n;
    while ((n = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        seq++;
        int length = i - start;
        if (pendingLength == 0 && !tooLong) {
          line(seq, buffer, start, length, sink);
        } else {
          tooLong |= pendingLength + length > MAX_LINE_BYTES;
          if (tooLong) {
            sink.badLine(seq, "longer than 1 MB");
          } else {
            pendingLength = keep(pendingLength, start, length);
            line(seq, pending, 0, pendingLength, sink);
          }
        }
        pendingLength = 0;
        tooLong = false;
        start = i + 1;
      }
      int rest = n - start;
      if (rest > 0 && !tooLong) {
        tooLong = pendingLength + rest > MAX_LINE_BYTES;
        pendingLength = tooLong ? 0 : keep(pendingLength, start, rest);
      }
    }
    if (tooLong) {
      sink.badLine(seq + 1, "longer than 1 MB");
    } else if (pendingLength > 0) {
      line(seq + 1, pending, 0, pendingLength, sink);
    }
  }

  private int keep(int pendingLength, int start, int length) {
    int needed = pendingLength + length;
    if (needed > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
    }
    System.arraycopy(buffer, start, pending, pendingLength, length);
    return needed;
  }

  private void line(int seq, byte[] bytes, int offset, int length, ObservationSink sink) {
    if (length > MAX_LINE_BYTES) {
      sink.badLine(seq, "longer than 1 MB");
      return;
    }
    if (seq == 1 && length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
        && bytes[offset + 2] == (byte) 0xBF) {
      offset += 3;
      length -= 3;
    }
    if (flat != null && flat.read(bytes, offset, length)) {
      for (int i = 0; i < flat.count; i++) {
        sink.value(seq, flat.step, flat.hasStep, flat.names[i], flat.values[i]);
      }
      return;
    }
    String reason;
    try {
      reason = parse(seq, bytes, offset, length, sink);
    } catch (JsonProcessingException e) {
      reason = "not JSON: " + clean(e.getOriginalMessage());
    } catch (IOException e) {
      reason = "unreadable: " + clean(e.getMessage());
    }
    if (reason != null) {
      sink.badLine(seq, reason);
    }
  }

  /** Parses one line and hands its values to the sink; returns why the line is bad, or null. */
  private String parse(int seq, byte[] bytes, int offset, int length, ObservationSink sink)
      throws IOException {
    int count = 0;
    long step = 0;
    boolean hasStep = false;
    try (JsonParser p = JSON.createParser(bytes, offset, length)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      if (t != JsonToken.START_OBJECT) {
        return "not a JSON object but " + kind(t, p);
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        t = p.nextToken();
        if (name.equals("step")) {
          if (t == JsonToken.VALUE_NULL) {
            continue;
          }
          if (!integral(t, p)) {
            return "step is " + kind(t, p) + ", not an integer";
          }
          step = p.getValueAsLong();
          hasStep = true;
          continue;
        }
        if (name.isEmpty()) {
          return "an observable has an empty name";
        }
        double value;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          value = p.getDoubleValue();
        } else if (t == JsonToken.VALUE_NULL) {
          continue;
        } else {
          Double special = t == JsonToken.VALUE_STRING ? special(p.getText()) : null;
          if (special == null) {
            return "\"" + shown(name) + "\" is " + kind(t, p)
                + ", not a number (numbers, null, \"nan\", \"inf\" and \"-inf\" are read)";
          }
          value = special;
        }
        if (count == names.length) {
          names = Arrays.copyOf(names, count * 2);
          values = Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count] = value;
        count++;
      }
      if (p.nextToken() != null) {
        return "text after the JSON object";
      }
    }
    for (int i = 0; i < count; i++) {
      sink.value(seq, step, hasStep, names[i], values[i]);
    }
    return null;
  }

  private static boolean integral(JsonToken t, JsonParser p) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberType() == JsonParser.NumberType.INT
          || p.getNumberType() == JsonParser.NumberType.LONG;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p63;
    }
    return false;
  }

  /** The number a string stands for ({@code "nan"}, {@code "inf"}, {@code "-inf"}), or null. */
  static Double special(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        return null;
    }
  }

  /** Names a value token for a reason: {@code "abc"}, {@code 1.5}, an object, an array. */
  private static String kind(JsonToken t, JsonParser p) throws IOException {
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "\"" + shown(p.getText()) + "\"";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return shown(p.getText());
      default:
        return t.asString() == null ? t.name() : t.asString();
    }
  }

  private static String shown(String text) {
    String s = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
    return clean(s);
  }

  /** Keeps a reason printable on one line, however broken the bytes it came from. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), 160));
    for (int i = 0; i < text.length() && b.length() < 160; i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
    }
    return b.toString();
  }
}
