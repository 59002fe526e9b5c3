package xyz.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A cell context held in memory, for the tests of experiments in every module: the parameters
 * come from a map, and each observation is kept in the order recorded, with its step. Shared
 * through core's test jar.
 *
 * <p>It reads parameters more strictly than a study's cells do: an integer must be a
 * {@code Long} or an {@code Integer}, so that a test which passes {@code 5.0} for a count finds
 * out. An observable recorded twice at one step fails at once, since a series has one value per
 * step.
 */
public final class MemoryCellContext implements CellContext {

  /**
   * One recorded value.
   *
   * @param step the step, or null for a value recorded without one
   * @param name the observable
   * @param value the value
   */
  public record Observation(Long step, String name, double value) {}

  private final Map<String, Object> params;
  private final List<Observation> observations = new ArrayList<>();
  private final Map<String, NavigableMap<Long, Double>> series = new LinkedHashMap<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

  /** A cell with these parameters, keyed by axis name. */
  public MemoryCellContext(Map<String, Object> params) {
    this.params = Map.copyOf(params);
  }

  /** Every observation, in the order recorded. */
  public List<Observation> observations() {
    return Collections.unmodifiableList(observations);
  }

  /** Each observable recorded with a step, in the order first recorded, with its values by step. */
  public Map<String, NavigableMap<Long, Double>> series() {
    return Collections.unmodifiableMap(series);
  }

  /**
   * The values of one observable by step.
   *
   * @throws AssertionError when the observable was never recorded with a step
   */
  public NavigableMap<Long, Double> series(String observable) {
    NavigableMap<Long, Double> values = series.get(observable);
    if (values == null) {
      throw new AssertionError("no observable '" + observable + "' recorded with a step; there"
          + " are " + series.keySet());
    }
    return Collections.unmodifiableNavigableMap(values);
  }

  /** The last value recorded of each observable, with or without a step. */
  public Map<String, Double> last() {
    Map<String, Double> last = new LinkedHashMap<>();
    for (Observation o : observations) {
      last.put(o.name(), o.value());
    }
    return last;
  }

  /** What the experiment wrote to its log. */
  public String log() {
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
    Double previous = series.computeIfAbsent(observable, k -> new TreeMap<>()).put(step, value);
    if (previous != null) {
      throw new AssertionError(observable + " recorded twice at step " + step);
    }
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
