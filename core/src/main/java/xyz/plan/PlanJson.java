package xyz.plan;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xyz.store.AtomicFiles;
import xyz.study.Axis;

/**
 * Writes {@code plan.json}: each top-level key, each axis and each cell on a line of its own and
 * the rest compact, readable with {@code grep} and {@code head} and small for a million cells.
 *
 * <p>The bytes are written by hand rather than through a JSON generator: a cell's keys and
 * levels are the same few objects over and over, so each is encoded once and copied after that,
 * which makes writing a million cells a copy of about 100 MB (see the benchmark).
 */
final class PlanJson {
  /** Values encoded once each, up to this many (random draws make every value new). */
  private static final int CACHED = 1 << 16;

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private final Map<Object, byte[]> encoded = new IdentityHashMap<>();
  private final Map<String, byte[]> keys = new IdentityHashMap<>();
  private int length;

  private PlanJson(OutputStream out) {
    this.out = out;
  }

  static void write(Plan plan, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = AtomicFiles.sibling(target);
    try {
      try (OutputStream stream = Files.newOutputStream(temp)) {
        PlanJson json = new PlanJson(stream);
        json.body(plan);
        json.flush();
      }
      AtomicFiles.move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes the plan to a stream, which is flushed, not closed. */
  static void write(Plan plan, OutputStream stream) throws IOException {
    PlanJson json = new PlanJson(stream);
    json.body(plan);
    json.flush();
    stream.flush();
  }

  private void body(Plan plan) throws IOException {
    ascii("{\n\"study\":");
    string(plan.study().name());
    ascii(",\n\"experiment\":");
    string(plan.study().experiment().identity());
    ascii(",\n\"grid_size\":" + plan.gridSize() + ",\n\"excluded\":" + plan.excluded()
        + ",\n\"axes\":[");
    List<Axis> axes = plan.study().axes();
    for (int i = 0; i < axes.size(); i++) {
      Axis axis = axes.get(i);
      ascii(i == 0 ? "\n  {\"name\":" : ",\n  {\"name\":");
      string(axis.name());
      ascii(",\"role\":");
      string(axis.role().name().toLowerCase(Locale.ROOT));
      ascii(",\"levels\":[");
      for (int l = 0; l < axis.levels().size(); l++) {
        ascii(l == 0 ? "" : ",");
        value(axis.levels().get(l));
      }
      ascii("],\"replicate\":" + axis.replicate() + ",\"methods\":[");
      for (int m = 0; m < axis.methods().size(); m++) {
        ascii(m == 0 ? "" : ",");
        string(axis.methods().get(m));
      }
      ascii("]}");
    }
    ascii(axes.isEmpty() ? "]" : "\n]");
    ascii(",\n\"cells\":[");
    List<Cell> cells = plan.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      ascii(i == 0 ? "\n  {\"id\":\"" : ",\n  {\"id\":\"");
      ascii(cell.id());
      ascii("\",\"index\":");
      ascii(Integer.toString(cell.index()));
      ascii(",\"params\":{");
      boolean first = true;
      for (Map.Entry<String, Object> p : cell.params().entrySet()) {
        if (!first) {
          ascii(",");
        }
        first = false;
        raw(key(p.getKey()));
        value(p.getValue());
      }
      ascii("}}");
    }
    ascii(cells.isEmpty() ? "]\n}\n" : "\n]\n}\n");
  }

  /** {@code "name":}, encoded once. */
  private byte[] key(String name) {
    byte[] bytes = keys.get(name);
    if (bytes == null) {
      bytes = concat(quoted(name), new byte[] {':'});
      if (keys.size() < CACHED) {
        keys.put(name, bytes);
      }
    }
    return bytes;
  }

  /** A level as JSON: integers, doubles and booleans bare, anything else as a string. */
  private void value(Object value) throws IOException {
    byte[] bytes = encoded.get(value);
    if (bytes == null) {
      bytes = encode(value);
      if (encoded.size() < CACHED) {
        encoded.put(value, bytes);
      }
    }
    raw(bytes);
  }

  private static byte[] encode(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      return value.toString().getBytes(StandardCharsets.US_ASCII);
    }
    if (value instanceof Double d) {
      // As JSON generators write them: a non-finite double becomes a string.
      return Double.isFinite(d) ? d.toString().getBytes(StandardCharsets.US_ASCII)
          : quoted(d.toString());
    }
    return quoted(String.valueOf(value));
  }

  private static byte[] quoted(String text) {
    byte[] inner = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    byte[] bytes = new byte[inner.length + 2];
    bytes[0] = '"';
    System.arraycopy(inner, 0, bytes, 1, inner.length);
    bytes[bytes.length - 1] = '"';
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private void string(String text) throws IOException {
    raw(quoted(text));
  }

  /** Text known to be ASCII: ids, numbers and the file's punctuation. */
  private void ascii(String text) throws IOException {
    int n = text.length();
    if (n > buffer.length - length) {
      flush();
      if (n > buffer.length) {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      buffer[length++] = (byte) text.charAt(i);
    }
  }

  private void raw(byte[] bytes) throws IOException {
    if (bytes.length > buffer.length - length) {
      flush();
      if (bytes.length > buffer.length) {
        out.write(bytes);
        return;
      }
    }
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void flush() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
  }
}
