package xyz.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.Study;
import xyz.study.Suggestions;

/**
 * A methods x datasets table: one observable's final values, aggregated over every other axis
 * (replicates included) into one number per row level and column level, with the mean of each
 * row and column and the best row of each column.
 */
final class TableQuery {
  /** The parameters of {@code /api/table}. */
  static final List<String> PARAMS = List.of("rows", "cols", "y", "aggregate", "best");
  static final List<String> AGGREGATES = List.of("mean", "median", "min", "max");
  static final List<String> BEST = List.of("max", "min");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** A table request: the view of its cells, and how to aggregate and rank them. */
  record Request(View view, String aggregate, String best) {}

  private TableQuery() {}

  /**
   * Reads a table request; rows default to the study's methods and columns to its datasets.
   *
   * @param observables the observables the results hold
   */
  static Request parse(Study study, Map<String, List<String>> raw, List<String> observables) {
    Params p = new Params(study, raw, PARAMS);
    Axis rows = p.axis("rows");
    Axis cols = p.axis("cols");
    if (rows == null) {
      rows = first(study, AxisRole.METHOD, cols);
    }
    if (cols == null) {
      cols = first(study, AxisRole.DATASET, rows);
    }
    if (rows != null && cols != null && rows.name().equals(cols.name())) {
      throw new BadRequest("cols: '" + cols.name() + "' is already on rows\n  fix: put another"
          + " axis on cols");
    }
    String y = p.one("y", null);
    if (y == null || !observables.contains(y)) {
      throw new BadRequest("y: " + (y == null ? "no observable given"
          : "'" + Params.shown(y) + "' is not an observable of " + study.name())
          + (y == null ? "\n  valid: " + String.join(", ", observables)
              : Suggestions.hint(y, observables))
          + "\n  fix: name the observable the table shows, such as y=" + observables.get(0));
    }
    String aggregate = p.choice("aggregate", AGGREGATES, "mean");
    String best = p.choice("best", BEST, "max");
    List<Axis> averaged = new ArrayList<>();
    for (Axis axis : study.axes()) {
      if (!axis.equals(rows) && !axis.equals(cols)) {
        averaged.add(axis);
      }
    }
    View view = new View(rows, cols, null, null, List.of(y), averaged, p.kept(), "mean", "none",
        "shared", false, false, View.MAX_POINTS);
    return new Request(view, aggregate, best);
  }

  private static Axis first(Study study, AxisRole role, Axis other) {
    return study.axes().stream().filter(a -> a.role() == role && !a.equals(other)).findFirst()
        .orElse(null);
  }

  /** The table's answer, as {@code doc/explorer.md} describes it. */
  static ObjectNode run(Connection connection, Schema schema, Request request)
      throws SQLException {
    View view = request.view();
    String y = view.y().get(0);
    if (schema.type(y) == null) {
      throw new BadRequest(404, "y: the cells recorded no final value of " + y
          + "\n  fix: choose an observable the cells recorded");
    }
    CellPlaces places = new CellPlaces(view, schema);
    String function = switch (request.aggregate()) {
      case "median" -> "median";
      case "min" -> "min";
      case "max" -> "max";
      default -> "avg";
    };
    Query q = new Query().sql("SELECT r, k, ").sql(function).sql("(v), count(*) FROM (SELECT r,"
        + " k, ").sql(Query.identifier(y)).sql(" AS v FROM (").append(places.query(List.of(y)))
        .sql(") WHERE state = 'done' AND ").sql(CellPlaces.shown()).sql(") WHERE v IS NOT NULL"
            + " AND isfinite(v) GROUP BY r, k");
    List<String> rowLabels = labels(view, view.rows());
    List<String> colLabels = labels(view, view.cols());
    // One more row and column than the kept levels, for cells without a value (n/a).
    Double[][] values = new Double[rowLabels.size() + 1][colLabels.size() + 1];
    long[][] counts = new long[rowLabels.size() + 1][colLabels.size() + 1];
    boolean noneRow = false;
    boolean noneCol = false;
    try (PreparedStatement s = q.prepare(connection); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int r = rs.getInt(1);
        int k = rs.getInt(2);
        noneRow |= r == rowLabels.size();
        noneCol |= k == colLabels.size();
        values[r][k] = rs.getDouble(3);
        counts[r][k] = rs.getLong(4);
      }
    }
    if (noneRow) {
      rowLabels.add(Frame.NONE);
    }
    if (noneCol) {
      colLabels.add(Frame.NONE);
    }
    return answer(request, places, rowLabels, colLabels, values, counts);
  }

  private static ObjectNode answer(Request request, CellPlaces places, List<String> rowLabels,
      List<String> colLabels, Double[][] values, long[][] counts) {
    View view = request.view();
    ObjectNode out = JSON.objectNode();
    out.put("rows", view.rows() == null ? null : view.rows().name());
    rowLabels.forEach(out.putArray("row_levels")::add);
    out.put("cols", view.cols() == null ? null : view.cols().name());
    colLabels.forEach(out.putArray("col_levels")::add);
    out.put("y", view.y().get(0));
    out.put("aggregate", request.aggregate());
    out.put("best", request.best());
    ArrayNode rowsOut = out.putArray("values");
    ArrayNode countsOut = out.putArray("counts");
    double[] rowSum = new double[rowLabels.size()];
    int[] rowN = new int[rowLabels.size()];
    double[] colSum = new double[colLabels.size()];
    int[] colN = new int[colLabels.size()];
    double sum = 0;
    int n = 0;
    for (int r = 0; r < rowLabels.size(); r++) {
      ArrayNode row = rowsOut.addArray();
      ArrayNode countRow = countsOut.addArray();
      for (int k = 0; k < colLabels.size(); k++) {
        Double v = values[r][k];
        countRow.add(counts[r][k]);
        if (v == null) {
          row.addNull();
          continue;
        }
        row.add(v);
        rowSum[r] += v;
        rowN[r]++;
        colSum[k] += v;
        colN[k]++;
        sum += v;
        n++;
      }
    }
    ArrayNode rowMeans = out.putArray("row_means");
    for (int r = 0; r < rowLabels.size(); r++) {
      add(rowMeans, rowN[r] == 0 ? null : rowSum[r] / rowN[r]);
    }
    ArrayNode colMeans = out.putArray("col_means");
    for (int k = 0; k < colLabels.size(); k++) {
      add(colMeans, colN[k] == 0 ? null : colSum[k] / colN[k]);
    }
    add(out, "mean", n == 0 ? null : sum / n);
    ArrayNode best = out.putArray("best_rows");
    boolean max = request.best().equals("max");
    for (int k = 0; k < colLabels.size(); k++) {
      ArrayNode top = best.addArray();
      Double winner = null;
      for (int r = 0; r < rowLabels.size(); r++) {
        Double v = values[r][k];
        if (v != null && (winner == null || (max ? v > winner : v < winner))) {
          winner = v;
        }
      }
      for (int r = 0; r < rowLabels.size(); r++) {
        if (winner != null && winner.equals(values[r][k])) {
          top.add(r);
        }
      }
    }
    ArrayNode notes = out.putArray("notes");
    List<String> over = view.averaged().stream().filter(a -> view.keptOf(a).size() > 1
        && !places.predating().contains(a.name())).map(Axis::name).toList();
    if (!over.isEmpty()) {
      notes.add(request.aggregate() + " over: " + String.join(", ", over));
    }
    return out;
  }

  private static void add(ArrayNode array, Double value) {
    if (value == null) {
      array.addNull();
    } else {
      array.add(value);
    }
  }

  private static void add(ObjectNode object, String key, Double value) {
    if (value == null) {
      object.putNull(key);
    } else {
      object.put(key, value);
    }
  }

  private static List<String> labels(View view, Axis axis) {
    return axis == null ? new ArrayList<>(List.of("")) : new ArrayList<>(view.keptLabels(axis));
  }
}
