package xyz.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import xyz.UserError;
import xyz.plan.Cell;
import xyz.store.ResultsFolder;

/**
 * The context of a Java experiment's cell: writes observables in the same file format as a
 * command would, so that collect reads both alike. The observables and output files are made at
 * the first write, so a cell that writes nothing costs no files (a missing file reads as empty).
 */
final class JavaCellContext implements CellContext, AutoCloseable {
  private final Cell cell;
  private final Path dir;
  private BufferedWriter observations;
  private final PrintStream out;
  private final StopSignal stop;
  private volatile boolean cancelled;

  JavaCellContext(Cell cell, Path dir, StopSignal stop) {
    this.cell = cell;
    this.dir = dir;
    this.stop = stop;
    this.out = new PrintStream(new FirstWriteFile(dir.resolve(ResultsFolder.STDOUT)), false,
        StandardCharsets.UTF_8);
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public String cellId() {
    return cell.id();
  }

  @Override
  public Map<String, Object> params() {
    return cell.params();
  }

  @Override
  public String string(String name) {
    return xyz.study.Values.label(require(name));
  }

  @Override
  public double number(String name) {
    Object v = require(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new UserError("parameter '" + name + "' is '" + v + "', not a number");
  }

  @Override
  public long integer(String name) {
    Object v = require(name);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return d.longValue();
    }
    throw new UserError("parameter '" + name + "' is '" + v + "', not an integer");
  }

  private Object require(String name) {
    Object v = cell.params().get(name);
    if (v == null) {
      throw new UserError(
          "the experiment needs parameter '" + name + "', which this cell lacks; it has "
              + cell.params().keySet());
    }
    return v;
  }

  @Override
  public void observe(String observable, double value) {
    line("{\"" + escape(observable) + "\":" + number(value) + "}");
  }

  @Override
  public void observe(long step, String observable, double value) {
    line("{\"step\":" + step + ",\"" + escape(observable) + "\":" + number(value) + "}");
  }

  private synchronized void line(String json) {
    try {
      if (observations == null) {
        observations = Files.newBufferedWriter(dir.resolve(ResultsFolder.OBSERVATIONS),
            StandardCharsets.UTF_8);
      }
      observations.write(json);
      observations.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "\"nan\"";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "\"inf\"" : "\"-inf\"";
    }
    return Double.toString(v);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public PrintStream out() {
    return out;
  }

  @Override
  public Path dir() {
    return dir;
  }

  @Override
  public boolean cancelled() {
    return cancelled || stop.stopped();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
    if (observations != null) {
      observations.close();
    }
  }

  /** A file opened at the first byte written to it. */
  private static final class FirstWriteFile extends java.io.OutputStream {
    private final Path file;
    private java.io.OutputStream stream;

    FirstWriteFile(Path file) {
      this.file = file;
    }

    private java.io.OutputStream stream() throws IOException {
      if (stream == null) {
        stream = Files.newOutputStream(file);
      }
      return stream;
    }

    @Override
    public void write(int b) throws IOException {
      stream().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > 0) {
        stream().write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      if (stream != null) {
        stream.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (stream != null) {
        stream.close();
      }
    }
  }
}
