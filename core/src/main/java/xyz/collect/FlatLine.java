package xyz.collect;

import ch.randelshofer.fastdoubleparser.JsonDoubleParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the line nearly every experiment writes, a flat JSON object of numbers such as
 * {@code {"step": 12, "loss": 0.25}}, straight from its bytes: no parser object per line, and each
 * key decoded once for all the lines that repeat it. It takes only what it is sure of (keys
 * without escapes, JSON numbers, {@code null}, the strings {@code "nan"}, {@code "inf"} and
 * {@code "-inf"}, a step written as a plain integer) and gives up on anything else, which the
 * full JSON parser then reads with its exact reasons. So both give the same values: numbers are
 * parsed by the same correctly rounded algorithm.
 *
 * <p>One instance reads one line at a time; it keeps its keys from line to line.
 */
final class FlatLine {
  private static final int MAX_STEP_DIGITS = 18;

  /** The keys of the lines seen, by position in the line: their bytes and their names. */
  private byte[][] keyBytes = new byte[8][];
  private String[] keyNames = new String[8];

  /** Every key of the line being read, null values' and the step's too. */
  private String[] lineKeys = new String[8];
  private int keys;

  String[] names = new String[8];
  double[] values = new double[8];
  int count;
  long step;
  boolean hasStep;

  /**
   * Reads a line into {@link #names}, {@link #values}, {@link #count}, {@link #step} and {@link
   * #hasStep}.
   *
   * @return whether the line had the flat shape and was read; false leaves the fields undefined
   */
  boolean read(byte[] b, int offset, int length) {
    int end = offset + length;
    int i = skip(b, offset, end);
    if (i == end || b[i] != '{') {
      return false;
    }
    count = 0;
    keys = 0;
    hasStep = false;
    i = skip(b, i + 1, end);
    if (i < end && b[i] == '}') {
      return skip(b, i + 1, end) == end;
    }
    for (int position = 0; ; position++) {
      if (i == end || b[i] != '"') {
        return false;
      }
      int keyStart = i + 1;
      int keyEnd = keyStart;
      while (keyEnd < end && b[keyEnd] != '"') {
        // Escapes, control bytes and non-ASCII bytes (maybe not UTF-8) go to the full parser.
        if (b[keyEnd] == '\\' || b[keyEnd] < 0x20) {
          return false;
        }
        keyEnd++;
      }
      if (keyEnd == end || keyEnd == keyStart) {
        return false;
      }
      String name = name(position, b, keyStart, keyEnd);
      i = skip(b, keyEnd + 1, end);
      if (i == end || b[i] != ':') {
        return false;
      }
      i = skip(b, i + 1, end);
      int valueEnd = valueEnd(b, i, end);
      if (valueEnd < 0 || !value(name, b, i, valueEnd)) {
        return false;
      }
      i = skip(b, valueEnd, end);
      if (i == end) {
        return false;
      }
      if (b[i] == '}') {
        return skip(b, i + 1, end) == end;
      }
      if (b[i] != ',') {
        return false;
      }
      i = skip(b, i + 1, end);
    }
  }

  /** The name of the key at this position, decoded only when the bytes differ from last time. */
  private String name(int position, byte[] b, int start, int end) {
    if (position == keyBytes.length) {
      keyBytes = Arrays.copyOf(keyBytes, position * 2);
      keyNames = Arrays.copyOf(keyNames, position * 2);
    }
    byte[] known = keyBytes[position];
    if (known != null && Arrays.equals(known, 0, known.length, b, start, end)) {
      return keyNames[position];
    }
    keyBytes[position] = Arrays.copyOfRange(b, start, end);
    keyNames[position] = new String(b, start, end - start, StandardCharsets.UTF_8);
    return keyNames[position];
  }

  /** Where the value starting at {@code i} ends, or -1 for a value this reader leaves alone. */
  private static int valueEnd(byte[] b, int i, int end) {
    if (i == end) {
      return -1;
    }
    if (b[i] == '"') {
      for (int j = i + 1; j < end; j++) {
        if (b[j] == '"') {
          return j + 1;
        }
        if (b[j] == '\\') {
          return -1;
        }
      }
      return -1;
    }
    int j = i;
    while (j < end && b[j] != ',' && b[j] != '}' && b[j] != ' ' && b[j] != '\t'
        && b[j] != '\r') {
      j++;
    }
    return j == i ? -1 : j;
  }

  /** Takes one value; false when it is not a number, null or a special string. */
  private boolean value(String name, byte[] b, int start, int end) {
    if (!firstTime(name)) {
      return false;
    }
    if (end - start == 4 && b[start] == 'n' && b[start + 1] == 'u' && b[start + 2] == 'l'
        && b[start + 3] == 'l') {
      return true;
    }
    if (name.equals("step")) {
      return integer(b, start, end);
    }
    double v;
    if (b[start] == '"') {
      v = special(b, start + 1, end - 1);
      if (v == 0) {
        return false;
      }
    } else {
      if (!jsonNumber(b, start, end)) {
        return false;
      }
      try {
        v = JsonDoubleParser.parseDouble(b, start, end - start);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    names[count] = name;
    values[count] = v;
    count++;
    return true;
  }

  /**
   * Whether the bytes are a number as JSON writes it: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?
   * ([eE][+-]?[0-9]+)?}. The double parser alone takes more ({@code 01}, {@code .5}, {@code 1.}).
   */
  private static boolean jsonNumber(byte[] b, int i, int end) {
    if (i < end && b[i] == '-') {
      i++;
    }
    if (i == end) {
      return false;
    }
    if (b[i] == '0') {
      i++;
    } else {
      int from = i;
      i = digits(b, i, end);
      if (i == from) {
        return false;
      }
    }
    if (i < end && b[i] == '.') {
      int from = ++i;
      i = digits(b, i, end);
      if (i == from) {
        return false;
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int from = i;
      i = digits(b, i, end);
      if (i == from) {
        return false;
      }
    }
    return i == end;
  }

  private static int digits(byte[] b, int i, int end) {
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }

  /** Notes a key of this line; false when the line has had it already (an error in JSON). */
  private boolean firstTime(String name) {
    for (int k = 0; k < keys; k++) {
      if (lineKeys[k].equals(name)) {
        return false;
      }
    }
    if (keys == lineKeys.length) {
      lineKeys = Arrays.copyOf(lineKeys, keys * 2);
    }
    lineKeys[keys++] = name;
    return true;
  }

  /** A plain decimal integer as the step; a fraction or exponent is left to the full parser. */
  private boolean integer(byte[] b, int start, int end) {
    int i = start;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    int digits = end - i;
    if (digits < 1 || digits > MAX_STEP_DIGITS || (b[i] == '0' && digits > 1)) {
      return false;
    }
    long n = 0;
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      n = n * 10 + d;
    }
    step = negative ? -n : n;
    hasStep = true;
    return true;
  }

  /** The number a special string stands for, or 0 for any other string. */
  private static double special(byte[] b, int start, int end) {
    String text = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    Double v = ObservationReader.special(text);
    return v == null ? 0 : v;
  }

  private static int skip(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
      i++;
    }
    return i;
  }
}
