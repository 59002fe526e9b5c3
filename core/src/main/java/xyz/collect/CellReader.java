package xyz.collect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the small files of a cell folder (params.json, status.json, provenance.json) into a
 * {@link CellRecord}. A folder without a readable status.json is skipped with a warning; anything
 * else that is missing or malformed becomes NULL with a warning, so that one odd cell never stops
 * a collect. Safe to use from several threads.
 */
final class CellReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path resultsDir;
  private final List<AxisColumn> axes;
  private final Map<String, Integer> axisPositions = new HashMap<>();
  private final Warnings warnings;
  private final Set<String> unknownAxes = new TreeSet<>();
  private final AtomicInteger cellsWithUnknownAxes = new AtomicInteger();

  CellReader(Path resultsDir, List<AxisColumn> axes, Warnings warnings) {
    this.resultsDir = resultsDir;
    this.axes = axes;
    this.warnings = warnings;
    for (int i = 0; i < axes.size(); i++) {
      axisPositions.put(axes.get(i).name(), i);
    }
  }

  /** Reads one cell folder; null when it is skipped (and a warning says why). */
  CellRecord read(Path dir) {
    String id = dir.getFileName().toString();
    String where = shown(dir);
    JsonNode status;
    try {
      status = tree(dir.resolve("status.json"));
    } catch (NoSuchFileException e) {
      warnings.add(where + " skipped: it has no status.json, so the cell has not ended");
      return null;
    } catch (IOException e) {
      warnings.add(where + " skipped: its status.json " + why(e));
      return null;
    }
    if (!status.isObject()) {
      warnings.add(where + " skipped: its status.json is empty or not a JSON object");
      return null;
    }
    JsonNode state = status.get("state");
    if (state == null || !state.isTextual() || state.textValue().isEmpty()) {
      warnings.add(where + " skipped: its status.json has no \"state\" (done, failed, timeout or"
          + " interrupted)");
      return null;
    }
    JsonNode statusId = status.get("cell_id");
    if (statusId != null && statusId.isTextual() && !statusId.textValue().equals(id)) {
      warnings.add("cell-id", where + ": status.json says cell_id " + statusId.textValue()
          + "; the folder name " + id + " is used");
    }
    JsonNode provenance = optional(dir, "provenance.json", where);
    JsonNode params = optional(dir, "params.json", where);
    if (params == null) {
      warnings.add("no-params", where + " has no readable params.json: its cell_index and"
          + " parameters are NULL");
    }
    Integer index = params == null ? null
        : (Integer) convert(SqlType.INTEGER, params.get("index"), where + "/params.json", "index");
    Object[] axisValues = params == null ? new Object[axes.size()] : axisValues(params, where);
    Object[] fields = new Object[Field.values().length];
    for (Field f : Field.values()) {
      JsonNode node = null;
      String file = "status.json";
      if (f.source == Field.Source.STATUS || f.source == Field.Source.STATUS_OR_PROVENANCE) {
        node = status.get(f.column);
      }
      if (f.source == Field.Source.PROVENANCE
          || f.source == Field.Source.STATUS_OR_PROVENANCE && (node == null || node.isNull())) {
        node = provenance == null ? null : provenance.get(f.column);
        file = "provenance.json";
      }
      if (f.source != Field.Source.COLLECT) {
        fields[f.ordinal()] = convert(f.type, node, where + "/" + file, f.column);
      }
    }
    return new CellRecord(id, dir, index, axisValues, fields);
  }

  private Object[] axisValues(JsonNode params, String where) {
    Object[] values = new Object[axes.size()];
    JsonNode p = params.get("params");
    if (p == null || !p.isObject()) {
      warnings.add("no-params", where + "/params.json has no \"params\" object: its parameters are"
          + " NULL");
      return values;
    }
    boolean unknown = false;
    for (Map.Entry<String, JsonNode> e : p.properties()) {
      Integer position = axisPositions.get(e.getKey());
      if (position == null) {
        unknown = true;
        synchronized (unknownAxes) {
          unknownAxes.add(e.getKey());
        }
        continue;
      }
      AxisColumn axis = axes.get(position);
      try {
        values[position] = axis.value(e.getValue());
      } catch (IllegalArgumentException ex) {
        warnings.add("param:" + axis.name(), where + "/params.json: " + axis.name() + " "
            + ex.getMessage() + " like the study's levels of " + axis.name() + "; written as NULL");
      }
    }
    if (unknown) {
      cellsWithUnknownAxes.incrementAndGet();
    }
    return values;
  }

  /** Adds the one warning about parameters the study does not declare, if any cell had some. */
  void reportUnknownAxes() {
    int cells = cellsWithUnknownAxes.get();
    if (cells > 0) {
      warnings.add(cells + (cells == 1 ? " cell has" : " cells have")
          + " parameters the study does not declare (" + String.join(", ", unknownAxes)
          + "), probably from an older version of the study: only the study's axes are"
          + " collected");
    }
  }

  private Object convert(SqlType type, JsonNode node, String file, String key) {
    try {
      return type.fromJson(node);
    } catch (IllegalArgumentException e) {
      warnings.add("field:" + key, file + ": " + key + " " + e.getMessage() + "; written as NULL");
      return null;
    }
  }

  private JsonNode optional(Path dir, String name, String where) {
    try {
      JsonNode node = tree(dir.resolve(name));
      if (node.isObject()) {
        return node;
      }
      warnings.add("unreadable:" + name, where + "/" + name + " is not a JSON object: its values"
          + " are NULL");
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      warnings.add("unreadable:" + name, where + "/" + name + " " + why(e)
          + ": its values are NULL");
    }
    return null;
  }

  private static JsonNode tree(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return MAPPER.readTree(in);
    }
  }

  private static String why(IOException e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      String where = at == null ? ""
          : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return "is not valid JSON" + where + " (" + ObservationReader.clean(j.getOriginalMessage())
          + ")";
    }
    return "cannot be read (" + ObservationReader.clean(String.valueOf(e.getMessage())) + ")";
  }

  /** A path as shown in messages: relative to the results folder's parent, like cells/c1a2. */
  String shown(Path path) {
    Path base = resultsDir.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(base) ? base.relativize(p).toString().replace('\\', '/') : p.toString();
  }
}
