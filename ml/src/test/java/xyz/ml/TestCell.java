package xyz.ml;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import xyz.run.CellContext;

/** A cell context held in memory: parameters from a map, observations into a map. */
final class TestCell implements CellContext {

  private final Map<String, Object> params;
  private final Map<String, Double> observed = new LinkedHashMap<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

  TestCell(Map<String, Object> params) {
    this.params = Map.copyOf(params);
  }

  /** A cell of the label-noise experiment. */
  static TestCell of(String method, String dataset, double p, long seed) {
    return new TestCell(Map.of("method", method, "dataset", dataset, "p", p, "seed", seed));
  }

  /** The final value of each observable recorded so far. */
  Map<String, Double> observed() {
    return observed;
  }

  /** What the experiment wrote to its log. */
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
    Object value = require(name);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException(name + " = '" + value + "' is not a number");
  }

  @Override
  public long integer(String name) {
    Object value = require(name);
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException(name + " = '" + value + "' is not an integer");
  }

  @Override
  public void observe(String observable, double value) {
    observed.put(observable, value);
  }

  @Override
  public void observe(long step, String observable, double value) {
    observed.put(observable, value);
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
