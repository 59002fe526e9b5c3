package xyz.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.Study;

/**
 * The ended cells that a panel or a table cell shows: the filters of the view plus the panel's
 * own levels, in cell order, each with its parameters, state and time.
 */
final class CellList {
  /** The parameters of {@code /api/cells} beside the filters. */
  static final List<String> PARAMS = List.of("limit");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CellList() {}

  /** The answer, as {@code doc/explorer.md} describes it. */
  static ObjectNode run(Connection connection, Schema schema, Study study,
      Map<String, List<String>> raw) throws SQLException {
    Params p = new Params(study, raw, PARAMS);
    int limit = p.integer("limit", 200, 1, 5000);
    View view = new View(null, null, null, null, List.of(), study.axes(), p.kept(), "mean",
        "none", "shared", false, false, View.MAX_POINTS);
    List<Axis> axes = study.axes().stream().filter(a -> schema.type(a.name()) != null).toList();
    Query q = new Query().sql("SELECT cell_id, cell_index, coalesce(state, 'not ended'),"
        + " seconds");
    for (Axis axis : axes) {
      q.sql(", CAST(").sql(Query.identifier(axis.name())).sql(" AS VARCHAR)");
    }
    q.sql(", count(*) OVER () FROM cells WHERE cell_id IN (SELECT cell_id FROM (")
        .append(new CellPlaces(view, schema).query(List.of())).sql(") WHERE ")
        .sql(CellPlaces.shown()).sql(") ORDER BY cell_index LIMIT ").bind(limit);
    ObjectNode out = JSON.objectNode();
    out.put("total", 0);
    ArrayNode cells = out.putArray("cells");
    try (PreparedStatement s = q.prepare(connection); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ObjectNode cell = cells.addObject();
        cell.put("id", rs.getString(1));
        cell.put("index", rs.getInt(2));
        cell.put("state", rs.getString(3));
        double seconds = rs.getDouble(4);
        if (rs.wasNull()) {
          cell.putNull("seconds");
        } else {
          cell.put("seconds", seconds);
        }
        ObjectNode params = cell.putObject("params");
        for (int i = 0; i < axes.size(); i++) {
          // The level's label, as the study's axes and filters spell it (0, not 0.0).
          Object level = rs.getObject(5 + i);
          params.put(axes.get(i).name(), level == null ? null : xyz.study.Values.label(level));
        }
        out.put("total", rs.getLong(5 + axes.size()));
      }
    }
    out.put("shown", cells.size());
    return out;
  }
}
