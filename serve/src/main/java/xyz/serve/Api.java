package xyz.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import xyz.study.Axis;
import xyz.study.FigureSpec;
import xyz.study.Study;

/** The JSON answers of {@code /api/...}, one method per route; see {@code doc/explorer.md}. */
final class Api {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final StudyData data;

  Api(StudyData data) {
    this.data = data;
  }

  /** The study: its axes and levels, observables, and figures to start from. */
  ObjectNode study() {
    Study study = data.study();
    ObjectNode out = JSON.objectNode();
    out.put("name", study.name());
    out.put("file", study.file() == null ? null : study.file().getFileName().toString());
    out.put("cells", data.plan().size());
    ArrayNode axes = out.putArray("axes");
    for (Axis axis : study.axes()) {
      ObjectNode a = axes.addObject();
      a.put("name", axis.name());
      a.put("role", axis.role().name().toLowerCase(Locale.ROOT));
      a.put("replicate", axis.replicate());
      a.put("numeric", axis.numeric());
      ArrayNode levels = a.putArray("levels");
      axis.labels().forEach(levels::add);
      if (axis.numeric()) {
        ArrayNode values = a.putArray("values");
        axis.levels().forEach(v -> values.add(((Number) v).doubleValue()));
      }
    }
    List<String> observables;
    boolean steps;
    try {
      Schema schema = data.read((c, s) -> s);
      observables = schema.observables();
      steps = schema.steps();
    } catch (BadRequest noResults) {
      observables = study.observables();
      steps = false;
    }
    ArrayNode obs = out.putArray("observables");
    observables.forEach(obs::add);
    out.put("steps", steps);
    ArrayNode figures = out.putArray("figures");
    for (FigureSpec f : study.figures()) {
      ObjectNode fig = figures.addObject();
      fig.put("name", f.name());
      fig.put("rows", f.rows());
      fig.put("cols", f.cols());
      fig.put("x", f.x());
      ArrayNode y = fig.putArray("y");
      f.y().forEach(y::add);
      fig.put("color", f.color());
      fig.put("band", f.band());
      fig.put("scales", f.scales());
      fig.put("log_x", f.logX());
      fig.put("log_y", f.logY());
      ObjectNode filter = fig.putObject("filter");
      for (Axis axis : study.axes()) {
        List<String> kept = f.filter().get(axis.name());
        if (kept != null) {
          ArrayNode levels = filter.putArray(axis.name());
          kept.forEach(levels::add);
        }
      }
    }
    return out;
  }

  /** Counts of the study's cells, and the version that tells the page to redraw. */
  ObjectNode progress() {
    Progress p = data.progress();
    ObjectNode out = JSON.objectNode();
    out.put("cells", p.cells());
    out.put("done", p.done());
    out.put("failed", p.failed());
    out.put("running", p.running());
    out.put("left", p.left());
    out.put("version", p.version());
    return out;
  }

  /** The lines of a facet-grid view. */
  ObjectNode view(Map<String, List<String>> params) {
    return data.read((connection, schema) -> {
      View view = View.parse(data.study(), params, schema.observables(), schema.steps());
      return ViewQuery.run(connection, schema, view.xIsStep() ? data.steps() : null, view);
    });
  }

  /** A methods x datasets table of one observable. */
  ObjectNode table(Map<String, List<String>> params) {
    return data.read((connection, schema) -> TableQuery.run(connection, schema,
        TableQuery.parse(data.study(), params, schema.observables())));
  }

  /** The ended cells that filters keep. */
  ObjectNode cells(Map<String, List<String>> params) {
    return data.read((connection, schema) -> CellList.run(connection, schema, data.study(),
        params));
  }

  /** One cell: parameters, status, provenance, and the end of its output. */
  ObjectNode cell(String id) {
    return CellFiles.read(data, id);
  }
}
