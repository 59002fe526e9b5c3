package xyz.plan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import xyz.store.AtomicFiles;
import xyz.study.Axis;

/** Writes {@code plan.json} with a streaming generator, so a million cells need no tree. */
final class PlanJson {
  private static final JsonFactory JSON = new JsonFactory();

  private PlanJson() {}

  static void write(Plan plan, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = AtomicFiles.sibling(target);
    try {
      try (JsonGenerator json = JSON.createGenerator(temp.toFile(), JsonEncoding.UTF8)) {
        json.setPrettyPrinter(new Lines());
        body(plan, json);
        json.writeRaw('\n');
      }
      AtomicFiles.move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void body(Plan plan, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("study", plan.study().name());
    json.writeStringField("experiment", plan.study().experiment().identity());
    json.writeNumberField("grid_size", plan.gridSize());
    json.writeNumberField("excluded", plan.excluded());
    json.writeArrayFieldStart("axes");
    for (Axis axis : plan.study().axes()) {
      json.writeStartObject();
      json.writeStringField("name", axis.name());
      json.writeStringField("role", axis.role().name().toLowerCase(Locale.ROOT));
      json.writeArrayFieldStart("levels");
      for (Object level : axis.levels()) {
        value(json, level);
      }
      json.writeEndArray();
      json.writeBooleanField("replicate", axis.replicate());
      json.writeArrayFieldStart("methods");
      for (String method : axis.methods()) {
        json.writeString(method);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("cells");
    for (Cell cell : plan.cells()) {
      json.writeStartObject();
      json.writeStringField("id", cell.id());
      json.writeNumberField("index", cell.index());
      json.writeObjectFieldStart("params");
      for (Map.Entry<String, Object> p : cell.params().entrySet()) {
        json.writeFieldName(p.getKey());
        value(json, p.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * Puts each top-level key, each axis and each cell on a line of its own, and the rest compact:
   * readable with {@code grep} and {@code head}, and small for a million cells.
   */
  private static final class Lines extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    /** Whether the generator is inside the root object itself. */
    private static boolean inRootObject(JsonStreamContext c) {
      return c.inObject() && c.getParent() != null && c.getParent().inRoot();
    }

    /** Whether the generator is inside an array that is the value of a root key. */
    private static boolean inTopArray(JsonStreamContext c) {
      return c.inArray() && c.getParent() != null && inRootObject(c.getParent());
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
      if (inRootObject(g.getOutputContext())) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(inRootObject(g.getOutputContext()) ? ",\n" : ",");
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      g.writeRaw(inRootObject(g.getOutputContext()) ? "\n}" : "}");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (inTopArray(g.getOutputContext())) {
        g.writeRaw("\n  ");
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(inTopArray(g.getOutputContext()) ? ",\n  " : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(inTopArray(g.getOutputContext()) && values > 0 ? "\n]" : "]");
    }
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else {
      json.writeString(String.valueOf(value));
    }
  }
}
