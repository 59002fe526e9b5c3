package xyz.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import xyz.study.Axis;

/**
 * Answers one view: the lines of every panel, aggregated and thinned so that the browser never
 * receives more than {@link View#maxPoints()} points. Views over steps are computed by {@link
 * StepLines} from the observations held in memory when they are, and otherwise, like views with
 * an axis on x, by SQL in DuckDB; both give the same rows.
 *
 * <p>In {@code mean} mode the values that share an x (the replicates and every axis the view
 * does not place) become their mean with a band: one standard deviation, one standard error,
 * or Student's 95% interval of the mean. In {@code lines} mode every combination of those
 * axes is a line of its own. A line with more points than its share of the budget keeps, in
 * each of its share of equal slices of x, the lowest and the highest point, so that spikes stay
 * visible; the band keeps the widest extent of the slice.
 */
final class ViewQuery {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Student's t at 0.975 for 1 to 30 degrees of freedom. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042};
  /** The standard normal quantile at 0.975. */
  private static final double Z975 = 1.959963984540054;

  private final View view;
  private final Schema schema;
  private final CellPlaces places;
  private final List<String> notes = new ArrayList<>();

  private ViewQuery(View view, Schema schema) {
    this.view = view;
    this.schema = schema;
    this.places = new CellPlaces(view, schema);
  }

  /**
   * The view's answer, as {@code doc/explorer.md} describes it.
   *
   * @param steps the observations over steps held in memory, or null to aggregate in DuckDB
   */
  static ObjectNode run(Connection connection, Schema schema, StepColumns steps, View view)
      throws SQLException {
    return new ViewQuery(view, schema).answer(connection, steps);
  }

  private ObjectNode answer(Connection connection, StepColumns steps) throws SQLException {
    List<String> yColumns = new ArrayList<>();
    if (!view.xIsStep()) {
      for (String y : view.y()) {
        if (schema.type(y) != null) {
          yColumns.add(y);
        }
      }
    }
    Query cells = places.query(yColumns);
    Census census = census(connection, cells);
    Frame frame = new Frame(labels(view.rows(), census.noneRows),
        labels(view.cols(), census.noneCols), labels(view.color(), census.noneColors), view.y());
    ObjectNode out = JSON.objectNode();
    out.set("frame", frame(frame));
    out.put("mode", view.mode());
    out.put("band", view.mode().equals("lines") ? "none" : view.band());
    ArrayNode series = out.putArray("series");
    Rows rows = new Rows(new Lines(frame, series));
    if (view.xIsStep() && steps != null) {
      stepLines(connection, steps, cells, frame, rows);
    } else {
      lines(connection, view.xIsStep() ? stepPairs(cells, frame)
          : finalPairs(cells, frame, yColumns), rows);
    }
    long[] counts = rows.finish();
    out.put("points", counts[0]);
    out.put("thinned", counts[1] == 1);
    ObjectNode states = out.putObject("cells");
    census.states.forEach(states::put);
    notes(census);
    ArrayNode n = out.putArray("notes");
    notes.forEach(n::add);
    return out;
  }

  private static final class Census {
    final Map<String, Long> states = new TreeMap<>();
    long unknown;
    long missingX;
    boolean noneRows;
    boolean noneCols;
    boolean noneColors;
  }

  private Census census(Connection connection, Query cells) throws SQLException {
    Census census = new Census();
    Query q = new Query().sql("SELECT coalesce(state, 'not ended'), LEAST(r, k, h, xi, ok),"
        + " bool_or(r = ").number(none(view.rows())).sql("), bool_or(k = ")
        .number(none(view.cols())).sql("), bool_or(h = ").number(none(view.color()))
        .sql("), count(*) FROM (").append(cells).sql(") GROUP BY ALL");
    try (PreparedStatement s = q.prepare(connection); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String state = rs.getString(1);
        int code = rs.getInt(2);
        long count = rs.getLong(6);
        if (code == Positions.FILTERED) {
          continue;
        } else if (code == Positions.UNKNOWN) {
          census.unknown += count;
        } else if (code == Positions.MISSING) {
          census.missingX += count;
        } else {
          census.states.merge(state, count, Long::sum);
          if (state.equals("done")) {
            census.noneRows |= rs.getBoolean(3);
            census.noneCols |= rs.getBoolean(4);
            census.noneColors |= rs.getBoolean(5);
          }
        }
      }
    }
    return census;
  }

  private int none(Axis axis) {
    return axis == null ? Integer.MIN_VALUE : view.keptOf(axis).size();
  }

  private List<String> labels(Axis axis, boolean withNone) {
    if (axis == null) {
      return List.of("");
    }
    List<String> labels = new ArrayList<>(view.keptLabels(axis));
    if (withNone) {
      labels.add(Frame.NONE);
    }
    return labels;
  }

  private static String base(Frame frame) {
    return "((r * " + frame.cols().size() + " + k) * " + frame.colors().size() + " + h) * "
        + frame.y().size();
  }

  /** (s, u, x, v): every observation with a step of the view's cells. */
  private Query stepPairs(Query cells, Frame frame) {
    Query q = new Query().sql("SELECT c.b + (CASE o.observable");
    for (int i = 0; i < view.y().size(); i++) {
      q.sql(" WHEN ").bind(view.y().get(i)).sql(" THEN ").number(i);
    }
    q.sql(" END) AS s, c.u, o.step AS x, o.value AS v FROM observations o JOIN (SELECT cell_id, ")
        .sql(base(frame)).sql(" AS b, u FROM (").append(cells).sql(") WHERE state = 'done' AND ")
        .sql(CellPlaces.shown()).sql(") AS c USING (cell_id) WHERE o.observable IN (");
    for (int i = 0; i < view.y().size(); i++) {
      q.sql(i == 0 ? "" : ", ").bind(view.y().get(i));
    }
    q.sql(") AND o.step IS NOT NULL AND isfinite(o.value)");
    if (view.logX()) {
      q.sql(" AND o.step > 0");
    }
    if (view.logY()) {
      q.sql(" AND o.value > 0");
    }
    return q;
  }

  /** (s, u, x, v): the final value of each observable of the view's cells, x a level index. */
  private Query finalPairs(Query cells, Frame frame, List<String> yColumns) {
    Query q = new Query().sql("SELECT * FROM (");
    boolean first = true;
    for (int i = 0; i < view.y().size(); i++) {
      String y = view.y().get(i);
      if (!yColumns.contains(y)) {
        continue;
      }
      q.sql(first ? "" : " UNION ALL ").sql("SELECT ").sql(base(frame)).sql(" + ").number(i)
          .sql(" AS s, u, xi AS x, ").sql(Query.identifier(y)).sql(" AS v FROM c");
      first = false;
    }
    if (first) {
      q.sql("SELECT 0 AS s, CAST(0 AS BIGINT) AS u, 0 AS x, CAST(NULL AS DOUBLE) AS v");
    }
    q.sql(") WHERE v IS NOT NULL AND isfinite(v)");
    if (view.logX()) {
      List<Integer> kept = view.keptOf(view.x());
      for (int i = 0; i < kept.size(); i++) {
        if (((Number) view.x().levels().get(kept.get(i))).doubleValue() <= 0) {
          q.sql(" AND x <> ").number(i);
        }
      }
    }
    if (view.logY()) {
      q.sql(" AND v > 0");
    }
    return new Query().sql("WITH c AS (SELECT * FROM (").append(cells)
        .sql(") WHERE state = 'done' AND ").sql(CellPlaces.shown()).sql(") ").append(q);
  }

  /** The half width of the band in SQL, from the SQL of the values' sd and count. */
  private String halfWidth(String sd, String n) {
    return switch (view.band()) {
      case "sd" -> sd;
      case "se" -> sd + " / sqrt(" + n + ")";
      case "ci95" -> "(" + tQuantile(n) + ") * " + sd + " / sqrt(" + n + ")";
      default -> "0.0";
    };
  }

  private static String tQuantile(String n) {
    StringBuilder t = new StringBuilder("CASE ").append(n).append(" - 1");
    for (int df = 1; df <= T975.length; df++) {
      t.append(" WHEN ").append(df).append(" THEN ").append(T975[df - 1]);
    }
    // Past 30 degrees of freedom, the Cornish-Fisher expansion is within 1e-4 of the exact t.
    double z = Z975;
    double a = cornishFisherA();
    double b = cornishFisherB();
    String df = "(" + n + " - 1)";
    return t.append(" ELSE ").append(z).append(" + ").append(a).append(" / ").append(df)
        .append(" + ").append(b).append(" / (").append(df).append(" * ").append(df)
        .append(") END").toString();
  }

  /** Student's t at 0.975 for the mean of {@code n} values, as the SQL of the ci95 band has it. */
  static double t975(long n) {
    long df = n - 1;
    if (df >= 1 && df <= T975.length) {
      return T975[(int) df - 1];
    }
    return Z975 + cornishFisherA() / df + cornishFisherB() / (df * df);
  }

  private static double cornishFisherA() {
    return (Z975 * Z975 * Z975 + Z975) / 4;
  }

  private static double cornishFisherB() {
    return (5 * Math.pow(Z975, 5) + 16 * Z975 * Z975 * Z975 + 3 * Z975) / 96;
  }

  /**
   * The rows of a view over steps, computed from the observations held in memory: the cells it
   * shows come from DuckDB, their observations from {@code steps}.
   */
  private void stepLines(Connection connection, StepColumns steps, Query cells, Frame frame,
      Rows rows) throws SQLException {
    Query q = new Query().sql("SELECT cell_id, ").sql(base(frame)).sql(" AS b, u FROM (")
        .append(cells).sql(") WHERE state = 'done' AND ").sql(CellPlaces.shown());
    List<StepLines.Place> places = new ArrayList<>();
    try (PreparedStatement s = q.prepare(connection); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        places.add(new StepLines.Place(steps.cell(rs.getString(1)), rs.getLong(2),
            rs.getLong(3)));
      }
    }
    int[] y = new int[view.y().size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = steps.observable(view.y().get(i));
    }
    new StepLines(steps, view).write(places, y, rows::row);
  }

  /**
   * Runs the aggregation and thinning in DuckDB. One point per row comes back, in line and x
   * order: a line within its share of the budget as it is, a longer one as the lowest and
   * highest point of each slice of x.
   */
  private void lines(Connection connection, Query pairs, Rows rows) throws SQLException {
    boolean lines = view.mode().equals("lines");
    String position = view.logX() && view.xIsStep() ? "ln(x)" : "x";
    long budget = view.maxPoints();
    // Means are computed once and read twice; one line per cell reads the pairs as they are.
    Query q = new Query().sql("WITH p AS (").append(pairs).sql("), a AS ")
        .sql(lines ? "(" : "MATERIALIZED (");
    // One line per cell has nothing to average: each observation is a point.
    q.sql(lines ? "SELECT s, u, x, v AS m, 0.0 AS hw, 1 AS n FROM p"
        : "SELECT s, u, x, avg(v) AS m, " + halfWidth("coalesce(stddev_samp(v), 0)", "count(*)")
            + " AS hw, count(*) AS n FROM p GROUP BY s, u, x");
    q.sql("), r AS (SELECT s, u, count(*) AS np, min(").sql(position).sql(") AS x0, max(")
        .sql(position).sql(") AS x1 FROM a GROUP BY s, u), k AS (SELECT CASE WHEN sum(np) <= ")
        .number(budget).sql(" THEN 0 ELSE greatest(1, ").number(budget).sql(" // (2 * count(*)))"
            + " END AS buckets FROM r), g AS (SELECT a.*, r.x0, r.x1, k.buckets, k.buckets > 0"
            + " AND r.np > 2 * k.buckets AND r.x1 > r.x0 AS thin FROM a JOIN r USING (s, u), k)"
            + " SELECT s, u, x, m, m - hw, m + hw, n, false FROM g WHERE NOT thin UNION ALL"
            + " SELECT s, u, unnest([first, last]), unnest([lowest, highest]), lo, hi,"
            + " unnest([nl, nh]), true FROM (SELECT s, u, least(arg_min(x, m), arg_max(x, m)) AS"
            + " first, greatest(arg_min(x, m), arg_max(x, m)) AS last, CASE WHEN arg_min(x, m) <="
            + " arg_max(x, m) THEN min(m) ELSE max(m) END AS lowest, CASE WHEN arg_min(x, m) <="
            + " arg_max(x, m) THEN max(m) ELSE min(m) END AS highest, CASE WHEN arg_min(x, m) <="
            + " arg_max(x, m) THEN arg_min(n, m) ELSE arg_max(n, m) END AS nl, CASE WHEN"
            + " arg_min(x, m) <= arg_max(x, m) THEN arg_max(n, m) ELSE arg_min(n, m) END AS nh,"
            + " min(m - hw) AS lo, max(m + hw) AS hi FROM g WHERE thin GROUP BY s, u, least("
            + "buckets - 1, CAST(floor((").sql(position).sql(" - x0) / (x1 - x0) * buckets) AS"
            + " BIGINT))) ORDER BY 1, 2, 3");
    try (PreparedStatement s = q.prepare(connection); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.row(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
            rs.getDouble(6), rs.getLong(7), rs.getBoolean(8));
      }
    }
  }

  /**
   * Takes the rows of the aggregation and thinning, whichever computed them, into the lines of
   * the answer.
   */
  private final class Rows {
    private final Lines collected;
    private boolean thinned;
    private double lastX = Double.NaN;
    private long lastSeries = -1;
    private long lastUnit = -1;

    Rows(Lines collected) {
      this.collected = collected;
    }

    void row(long series, long unit, double x, double m, double lo, double hi, long n,
        boolean thin) {
      thinned |= thin;
      // A slice whose lowest and highest point are one point gives it once.
      if (thin && series == lastSeries && unit == lastUnit && x == lastX) {
        return;
      }
      lastSeries = series;
      lastUnit = unit;
      lastX = x;
      collected.at(series, unit);
      collected.point(x(x), m, lo, hi, n);
    }

    /** Ends the last line; returns the number of points, and 1 if any line was thinned. */
    long[] finish() {
      collected.finish();
      return new long[] {collected.points, thinned ? 1 : 0};
    }
  }

  /** The x of a point as the answer gives it: a step, a level's value, or a category index. */
  private double x(double raw) {
    if (view.xIsStep()) {
      return raw;
    }
    int level = view.keptOf(view.x()).get((int) raw);
    Object value = view.x().levels().get(level);
    return value instanceof Number n && view.x().numeric() ? n.doubleValue() : raw;
  }

  /**
   * Collects rows into one JSON object per line, its numbers in primitive arrays that Jackson
   * writes without a node per number.
   */
  private final class Lines {
    private final Frame frame;
    private final ArrayNode out;
    private final boolean banded;
    private long series = -1;
    private long unit = -1;
    private ObjectNode line;
    private double[] xs = new double[64];
    private double[] mean = new double[64];
    private double[] lo = new double[64];
    private double[] hi = new double[64];
    private long[] n = new long[64];
    private int size;
    long points;

    Lines(Frame frame, ArrayNode out) {
      this.frame = frame;
      this.out = out;
      this.banded = view.mode().equals("mean") && !view.band().equals("none");
    }

    void at(long s, long u) {
      if (s == series && u == unit) {
        return;
      }
      finish();
      series = s;
      unit = u;
      line = out.addObject();
      line.put("row", frame.rowOf(s));
      line.put("col", frame.colOf(s));
      line.put("color", frame.colorOf(s));
      line.put("y", frame.observableOf(s));
      if (view.mode().equals("lines")) {
        line.put("unit", unitLabel(u));
      }
    }

    void point(double x, double m, double low, double high, long count) {
      if (size == xs.length) {
        int capacity = size * 2;
        xs = Arrays.copyOf(xs, capacity);
        mean = Arrays.copyOf(mean, capacity);
        lo = Arrays.copyOf(lo, capacity);
        hi = Arrays.copyOf(hi, capacity);
        n = Arrays.copyOf(n, capacity);
      }
      xs[size] = x;
      mean[size] = m;
      lo[size] = low;
      hi[size] = high;
      n[size] = count;
      size++;
      points++;
    }

    /** Ends the line being collected. */
    void finish() {
      if (line == null) {
        return;
      }
      line.putPOJO("x", Arrays.copyOf(xs, size));
      line.putPOJO(view.mode().equals("lines") ? "value" : "mean", floats(mean, size));
      if (banded) {
        line.putPOJO("lo", floats(lo, size));
        line.putPOJO("hi", floats(hi, size));
      }
      line.putPOJO("n", Arrays.copyOf(n, size));
      line = null;
      size = 0;
    }
  }

  /**
   * Values to draw, in single precision: seven significant digits are more than a screen
   * shows, and the answer is half as long. The table keeps full precision.
   */
  private static float[] floats(double[] values, int size) {
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** The levels of the averaged axes that a line of lines mode stands for, as a=1, b=x. */
  private String unitLabel(long u) {
    List<Axis> axes = places.unitAxes();
    String[] parts = new String[axes.size()];
    for (int i = axes.size() - 1; i >= 0; i--) {
      Axis axis = axes.get(i);
      int size = view.keptOf(axis).size() + 1;
      int digit = (int) (u % size);
      u /= size;
      parts[i] = axis.name() + "=" + (digit < size - 1 ? view.keptLabels(axis).get(digit)
          : Frame.NONE);
    }
    return String.join(", ", parts);
  }

  private ObjectNode frame(Frame frame) {
    ObjectNode f = JSON.objectNode();
    f.put("rows", view.rows() == null ? null : view.rows().name());
    strings(f.putArray("row_levels"), frame.rows());
    f.put("cols", view.cols() == null ? null : view.cols().name());
    strings(f.putArray("col_levels"), frame.cols());
    f.put("color", view.color() == null ? null : view.color().name());
    strings(f.putArray("color_levels"), frame.colors());
    strings(f.putArray("y"), frame.y());
    f.put("x", view.xIsStep() ? "step" : view.x().name());
    f.put("x_type", view.xIsStep() || view.x().numeric() ? "number" : "level");
    if (!view.xIsStep() && !view.x().numeric()) {
      strings(f.putArray("x_levels"), view.keptLabels(view.x()));
    }
    f.put("scales", view.scales());
    f.put("log_x", view.logX());
    f.put("log_y", view.logY());
    return f;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private void notes(Census census) {
    List<String> averaged = view.averaged().stream()
        .filter(a -> view.keptOf(a).size() > 1 && !places.predating().contains(a.name()))
        .map(Axis::name).toList();
    if (!averaged.isEmpty()) {
      notes.add((view.mode().equals("lines") ? "one line per " : "averaged over: ")
          + String.join(", ", averaged));
    }
    long notDone = census.states.entrySet().stream().filter(e -> !e.getKey().equals("done"))
        .mapToLong(Map.Entry::getValue).sum();
    if (notDone > 0) {
      notes.add("left out " + notDone + (notDone == 1 ? " cell" : " cells")
          + " that did not end done");
    }
    if (!places.predating().isEmpty()) {
      notes.add("the results have no column for " + String.join(", ", places.predating())
          + ": they were collected before the study had it");
    }
    if (census.unknown > 0) {
      notes.add("left out " + census.unknown + " cells whose levels the study no longer"
          + " declares");
    }
    if (census.missingX > 0) {
      notes.add("left out " + census.missingX + " cells without a value for x ("
          + view.x().name() + ")");
    }
  }
}
