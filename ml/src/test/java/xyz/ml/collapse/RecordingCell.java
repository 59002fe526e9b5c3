package xyz.ml.collapse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import xyz.run.CellContext;

/** A cell context in memory that keeps every observation with its step. */
final class RecordingCell implements CellContext {

  private final Map<String, Object> params;
  private final Map<String, NavigableMap<Long, Double>> series = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

  RecordingCell(Map<String, Object> params) {
    this.params = Map.copyOf(params);
  }

  /** Each observable's values by step. */
  Map<String, NavigableMap<Long, Double>> series() {
    return series;
  }

  /** The values of one observable by step. */
  NavigableMap<Long, Double> series(String observable) {
    NavigableMap<Long, Double> s = series.get(observable);
    if (s == null) {
      throw new AssertionError("no observable '" + observable + "'; there are " + order);
    }
    return s;
  }

  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String cellId() {
    return "c" + Integer.toHexString(params.hashCode());
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public String string(String name) {
    return String.valueOf(require(name));
  }

  @Override
  public double number(String name) {
    return ((Number) require(name)).doubleValue();
  }

  @Override
  public long integer(String name) {
    return ((Number) require(name)).longValue();
  }

  @Override
  public void observe(String observable, double value) {
    throw new AssertionError("the sandbox records every observable with its step");
  }

  @Override
  public void observe(long step, String observable, double value) {
    if (!series.containsKey(observable)) {
      order.add(observable);
    }
    Double previous = series.computeIfAbsent(observable, k -> new TreeMap<>()).put(step, value);
    if (previous != null) {
      throw new AssertionError(observable + " recorded twice at step " + step);
    }
  }

  @Override
  public PrintStream out() {
    return out;
  }

  @Override
  public Path dir() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  private Object require(String name) {
    Object value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no parameter '" + name + "' in " + params.keySet());
    }
    return value;
  }
}
