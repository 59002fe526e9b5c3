package xyz.plot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import xyz.UserError;
import xyz.study.Axis;

/**
 * Reads what one figure needs from the results database: a small census of the cells (which
 * are done, which levels occur), then every (x, value) pair of every series in one query, with
 * DuckDB mapping levels to panel and line positions.
 */
final class FigureQuery {
  private final Results results;
  private final Placement placement;
  private final Consumer<String> notes;
  /** Averaged axes the results have no column for: they were collected before the axis. */
  private final List<String> predating = new ArrayList<>();

  /** What was read: the figure's frame and the raw pairs of each series. */
  record Loaded(Frame frame, Samples samples) {}

  private FigureQuery(Results results, Placement placement, Consumer<String> notes) {
    this.results = results;
    this.placement = placement;
    this.notes = notes;
  }

  /**
   * Reads a figure's data.
   *
   * @param notes receives one line for each thing left out or averaged
   * @throws UserError when the figure has nothing to draw
   */
  static Loaded load(Results results, Placement placement, Consumer<String> notes) {
    try {
      return new FigureQuery(results, placement, notes).run();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + results.file() + ": " + e.getMessage(),
          e);
    }
  }

  private Loaded run() throws SQLException {
    String cells = cellsQuery();
    Census census = census(cells);
    Frame frame = new Frame(
        labels(placement.rows(), census.noneRows),
        labels(placement.cols(), census.noneCols),
        labels(placement.color(), census.noneColors),
        placement.y(),
        placement.x() != null && !placement.x().numeric() ? placement.keptLabels(placement.x())
            : List.of());
    reportAveraged();
    Samples samples = new Samples(frame.seriesCount());
    if (placement.xIsStep()) {
      readSeries(cells, frame, samples);
    } else {
      readFinalValues(cells, frame, samples);
    }
    if (samples.total() == 0) {
      throw noData("the " + census.done + " done " + plural(census.done, "cell", "cells")
          + " recorded no " + (placement.xIsStep() ? "step of " : "final value of ")
          + String.join(" or ", placement.y()), "plot an observable the cells record, or have"
          + " the experiment record it and run the cells again with `xyz run --rerun all`");
    }
    return new Loaded(frame, samples);
  }

  /** One row per cell: its id, state and, for each place, its level position or a code. */
  private String cellsQuery() {
    StringBuilder sql = new StringBuilder("SELECT cell_id, state, ")
        .append(place(placement.rows())).append(" AS r, ")
        .append(place(placement.cols())).append(" AS k, ")
        .append(place(placement.color())).append(" AS h, ")
        .append(placement.x() == null ? "0" : position(placement.x(), LevelSql.MISSING))
        .append(" AS xi, ");
    // An averaged axis only checks that a cell's level is one the figure keeps; a cell with
    // no value (a control of another method) is kept unless a filter names the axis.
    List<String> averaged = new ArrayList<>();
    for (Axis axis : placement.averaged()) {
      if (results.cellColumnType(axis.name()) == null) {
        predating.add(axis.name());
        continue;
      }
      boolean filtered = placement.keptOf(axis).size() < axis.levels().size();
      averaged.add(position(axis, filtered ? LevelSql.FILTERED : 0));
    }
    sql.append(averaged.isEmpty() ? "0" : "LEAST(0, " + String.join(", ", averaged) + ")")
        .append(" AS ok");
    if (!placement.xIsStep()) {
      for (int i = 0; i < placement.y().size(); i++) {
        String y = placement.y().get(i);
        String type = results.cellColumnType(y);
        sql.append(", ").append(type == null ? "CAST(NULL AS DOUBLE)" : LevelSql.identifier(y))
            .append(" AS y").append(i);
      }
    }
    return sql.append(" FROM cells").toString();
  }

  /** A panel or line axis: a cell without a value gets the extra n/a level unless filtered. */
  private String place(Axis axis) {
    if (axis == null) {
      return "0";
    }
    boolean filtered = placement.keptOf(axis).size() < axis.levels().size();
    return position(axis, filtered ? LevelSql.FILTERED : placement.keptOf(axis).size());
  }

  private String position(Axis axis, int nullCode) {
    String type = results.cellColumnType(axis.name());
    if (type == null) {
      throw new UserError(placement.where() + ": " + results.file()
          + " has no column for the axis '" + axis.name() + "'; the results were collected"
          + " before the study had it\n  fix: run the study again with `xyz run`, which brings"
          + " them up to date");
    }
    return LevelSql.position(axis, type, placement.keptOf(axis), nullCode);
  }

  private static final class Census {
    long done;
    long unknown;
    long missingX;
    final Map<String, Long> notDone = new TreeMap<>();
    boolean noneRows;
    boolean noneCols;
    boolean noneColors;
  }

  private Census census(String cells) throws SQLException {
    Census census = new Census();
    long all = 0;
    int noneRow = noneIndex(placement.rows());
    int noneCol = noneIndex(placement.cols());
    int noneColor = noneIndex(placement.color());
    try (Statement s = results.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT state, r, k, h, xi, ok, count(*) FROM (" + cells
            + ") GROUP BY ALL")) {
      while (rs.next()) {
        String state = rs.getString(1);
        int r = rs.getInt(2);
        int k = rs.getInt(3);
        int h = rs.getInt(4);
        int[] codes = {r, k, h, rs.getInt(5), rs.getInt(6)};
        long count = rs.getLong(7);
        all += count;
        // A cell the filter drops is left out silently: the figure asked for that.
        if (has(codes, LevelSql.FILTERED)) {
          continue;
        }
        if (has(codes, LevelSql.UNKNOWN)) {
          census.unknown += count;
        } else if (has(codes, LevelSql.MISSING)) {
          census.missingX += count;
        } else if ("done".equals(state)) {
          census.done += count;
          census.noneRows |= r == noneRow;
          census.noneCols |= k == noneCol;
          census.noneColors |= h == noneColor;
        } else {
          census.notDone.merge(state == null ? "not ended" : state, count, Long::sum);
        }
      }
    }
    long notDone = census.notDone.values().stream().mapToLong(Long::longValue).sum();
    String states = census.notDone.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    if (census.done == 0) {
      if (all == 0) {
        throw noData(results.file().getFileName() + " holds no cells yet",
            "run the study with `xyz run`");
      }
      if (notDone > 0) {
        throw noData("none of the " + notDone + " " + plural(notDone, "cell", "cells")
            + " it shows is done (" + states + ")", "`xyz status` says why; `xyz run --rerun"
            + " failed` runs them again");
      }
      throw noData("none of the " + all + " cells has the levels it shows",
          "widen the figure's filter, or run the cells it shows with `xyz run`");
    }
    if (notDone > 0) {
      notes.accept("left out " + notDone + " " + plural(notDone, "cell", "cells")
          + " that did not end done (" + states + ")");
    }
    if (!predating.isEmpty()) {
      notes.accept("the results have no column for " + String.join(", ", predating)
          + ": they were collected before the study had " + plural(predating.size(), "it",
          "them"));
    }
    if (census.unknown > 0) {
      notes.accept("left out " + census.unknown + " " + plural(census.unknown, "cell", "cells")
          + " whose levels the study no longer declares");
    }
    if (census.missingX > 0) {
      notes.accept("left out " + census.missingX + " " + plural(census.missingX, "cell", "cells")
          + " without a value for x (" + placement.x().name() + ")");
    }
    return census;
  }

  private static boolean has(int[] codes, int code) {
    for (int c : codes) {
      if (c == code) {
        return true;
      }
    }
    return false;
  }

  private int noneIndex(Axis axis) {
    return axis == null ? Integer.MIN_VALUE : placement.keptOf(axis).size();
  }

  private List<String> labels(Axis axis, boolean withNone) {
    if (axis == null) {
      return List.of("");
    }
    List<String> labels = new ArrayList<>(placement.keptLabels(axis));
    if (withNone) {
      labels.add(Frame.NONE);
    }
    return labels;
  }

  private void reportAveraged() {
    List<String> averaged = placement.averaged().stream()
        .filter(a -> placement.keptOf(a).size() > 1 && !predating.contains(a.name()))
        .map(Axis::name).toList();
    if (!averaged.isEmpty()) {
      notes.accept("averaged over: " + String.join(", ", averaged));
    }
  }

  private void readSeries(String cells, Frame frame, Samples samples) throws SQLException {
    StringBuilder which = new StringBuilder("(CASE o.observable");
    List<String> literals = new ArrayList<>();
    for (int i = 0; i < placement.y().size(); i++) {
      String literal = LevelSql.literal(placement.y().get(i));
      which.append(" WHEN ").append(literal).append(" THEN ").append(i);
      literals.add(literal);
    }
    which.append(" END)");
    String sql = "WITH c AS (SELECT cell_id, " + seriesBase(frame) + " AS s FROM (" + cells
        + ") WHERE " + inFigure() + ") SELECT c.s + " + which + ", o.step, o.value"
        + " FROM observations o JOIN c USING (cell_id) WHERE o.observable IN ("
        + String.join(", ", literals) + ") AND o.step IS NOT NULL";
    Positive positive = new Positive();
    try (Statement s = results.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        int series = rs.getInt(1);
        double step = rs.getLong(2);
        double value = rs.getDouble(3);
        if (positive.keep(step, value)) {
          samples.add(series, step, value);
        }
      }
    }
    positive.report();
  }

  private void readFinalValues(String cells, Frame frame, Samples samples) throws SQLException {
    Axis x = placement.x();
    List<Integer> kept = placement.keptOf(x);
    double[] positions = new double[kept.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = x.numeric() ? ((Number) x.levels().get(kept.get(i))).doubleValue() : i;
    }
    int ys = placement.y().size();
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < ys; i++) {
      columns.append(", y").append(i);
    }
    String sql = "SELECT " + seriesBase(frame) + ", xi" + columns + " FROM (" + cells + ") AS c"
        + " WHERE " + inFigure();
    Positive positive = new Positive();
    try (Statement s = results.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        int base = rs.getInt(1);
        double position = positions[rs.getInt(2)];
        for (int i = 0; i < ys; i++) {
          double value = rs.getDouble(3 + i);
          if (!rs.wasNull() && positive.keep(position, value)) {
            samples.add(base + i, position, value);
          }
        }
      }
    }
    positive.report();
  }

  private String seriesBase(Frame frame) {
    return "((r * " + frame.cols() + " + k) * " + frame.colors() + " + h) * " + frame.y().size();
  }

  private static String inFigure() {
    return "state = 'done' AND r >= 0 AND k >= 0 AND h >= 0 AND xi >= 0 AND ok >= 0";
  }

  /**
   * Drops what cannot be drawn, and counts it: values that are not finite numbers (a run that
   * diverged reports inf), and what a logarithmic axis cannot show.
   */
  private final class Positive {
    long badX;
    long badY;
    long notFinite;

    boolean keep(double x, double value) {
      if (!Double.isFinite(value)) {
        notFinite++;
        return false;
      }
      if (placement.logX() && x <= 0) {
        badX++;
        return false;
      }
      if (placement.logY() && value <= 0) {
        badY++;
        return false;
      }
      return true;
    }

    void report() {
      if (notFinite > 0) {
        notes.accept("left out " + notFinite + " " + plural(notFinite, "value", "values")
            + " that " + plural(notFinite, "is", "are") + " not a finite number (nan or inf, as"
            + " a run that diverged reports)");
      }
      if (badX > 0) {
        notes.accept("log_x: left out " + badX + " " + plural(badX, "value", "values")
            + " at x <= 0");
      }
      if (badY > 0) {
        notes.accept("log_y: left out " + badY + " " + plural(badY, "value", "values")
            + " <= 0");
      }
    }
  }

  private UserError noData(String why, String fix) {
    return new UserError(placement.where() + ": there are no results to draw: " + why
        + "\n  fix: " + fix);
  }

  static String plural(long count, String one, String many) {
    return count == 1 ? one : many;
  }
}
