package xyz.nn;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import xyz.run.CellContext;

/** A cell context held in memory: parameters from a map, every observation into a list. */
final class TestCell implements CellContext {

  /** One recorded value; {@code step} is null for a value without a step. */
  record Observation(Long step, String name, double value) {}

  private final Map<String, Object> params;
  private final List<Observation> observations = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

  TestCell(Map<String, Object> params) {
    this.params = Map.copyOf(params);
  }

  /** Every observation, in the order recorded. */
  List<Observation> observations() {
    return observations;
  }

  /** The values of one observable by step. */
  TreeMap<Long, Double> series(String name) {
    TreeMap<Long, Double> series = new TreeMap<>();
    for (Observation o : observations) {
      if (o.name().equals(name) && o.step() != null) {
        series.put(o.step(), o.value());
      }
    }
    return series;
  }

  /** The last value of each observable. */
  Map<String, Double> last() {
    Map<String, Double> last = new LinkedHashMap<>();
    for (Observation o : observations) {
      last.put(o.name(), o.value());
    }
    return last;
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
    observations.add(new Observation(null, observable, value));
  }

  @Override
  public void observe(long step, String observable, double value) {
    observations.add(new Observation(step, observable, value));
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
