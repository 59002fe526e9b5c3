package xyz.serve;

import java.util.ArrayList;
import java.util.List;
import xyz.study.Axis;

/**
 * The cells of a view, one row each, with the place of each in the view: {@code r}, {@code k},
 * {@code h} (panel row, panel column, colour level), {@code xi} (level of the x axis), {@code
 * ok} (whether the averaged axes keep it) and, for one line per cell, {@code u} (which line).
 * A negative code is a {@link Positions} reason for leaving the cell out.
 */
final class CellPlaces {
  private final View view;
  private final Schema schema;
  private final List<String> predating = new ArrayList<>();

  CellPlaces(View view, Schema schema) {
    this.view = view;
    this.schema = schema;
  }

  /** The averaged axes the results have no column for: collected before the study had them. */
  List<String> predating() {
    return predating;
  }

  /**
   * The query, selecting {@code cell_id, state, r, k, h, xi, ok, u} and then any {@code
   * extra} columns, already checked against the schema.
   */
  Query query(List<String> extra) {
    Query q = new Query().sql("SELECT cell_id, state, ").append(place(view.rows()))
        .sql(" AS r, ").append(place(view.cols())).sql(" AS k, ").append(place(view.color()))
        .sql(" AS h, ");
    if (view.x() == null) {
      q.sql("0");
    } else {
      q.append(Positions.of(view.x(), type(view.x()), view.keptOf(view.x()), Positions.MISSING));
    }
    q.sql(" AS xi, ");
    // An averaged axis only checks that a cell's level is one the view keeps; a cell without
    // a value (a control of another method) stays unless a filter names the axis.
    List<Query> averaged = new ArrayList<>();
    List<Query> units = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (Axis axis : view.averaged()) {
      String type = schema.type(axis.name());
      if (type == null) {
        predating.add(axis.name());
        continue;
      }
      averaged.add(Positions.of(axis, type, view.keptOf(axis),
          view.filtered(axis) ? Positions.FILTERED : 0));
      units.add(Positions.of(axis, type, view.keptOf(axis), view.keptOf(axis).size()));
      sizes.add(view.keptOf(axis).size() + 1);
    }
    if (averaged.isEmpty()) {
      q.sql("0");
    } else {
      q.sql("LEAST(0");
      for (Query a : averaged) {
        q.sql(", ").append(a);
      }
      q.sql(")");
    }
    q.sql(" AS ok, ");
    if (units.isEmpty() || !view.mode().equals("lines")) {
      q.sql("CAST(0 AS BIGINT)");
    } else {
      // Mixed radix: each averaged axis a digit, so that one number names one line.
      q.sql("(".repeat(units.size())).sql("CAST(0 AS BIGINT)");
      for (int i = 0; i < units.size(); i++) {
        q.sql(" * ").number(sizes.get(i)).sql(" + GREATEST(0, ").append(units.get(i))
            .sql("))");
      }
    }
    q.sql(" AS u");
    for (String column : extra) {
      q.sql(", ").sql(Query.identifier(column));
    }
    return q.sql(" FROM cells");
  }

  /**
   * The axes whose levels are the digits of {@code u}, most significant first; digit {@code i}
   * counts the kept levels of axis {@code i} plus one for {@code n/a}.
   */
  List<Axis> unitAxes() {
    return view.averaged().stream().filter(a -> schema.type(a.name()) != null).toList();
  }

  /** The condition that keeps the cells a view shows. */
  static String shown() {
    return "r >= 0 AND k >= 0 AND h >= 0 AND xi >= 0 AND ok >= 0";
  }

  private Query place(Axis axis) {
    if (axis == null) {
      return new Query().sql("0");
    }
    int none = view.filtered(axis) ? Positions.FILTERED : view.keptOf(axis).size();
    return Positions.of(axis, type(axis), view.keptOf(axis), none);
  }

  private String type(Axis axis) {
    String type = schema.type(axis.name());
    if (type == null) {
      throw new BadRequest(409, "the results have no column for the axis '" + axis.name()
          + "': they were collected before the study had it\n  fix: run the study again with"
          + " `xyz run`, which brings them up to date");
    }
    return type;
  }
}
