package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the JSON Schema of the study file in step with the reader: every key the reader knows is
 * in the schema with the same valid values, and no other; the schema accepts the reference's
 * examples and refuses the mistakes it can see.
 */
class StudySchemaTest {
  private static final Path FILE = Path.of("../schema/study.schema.json");
  private static JsonNode schema;

  @BeforeAll
  static void read() throws Exception {
    schema = new ObjectMapper().readTree(FILE.toFile());
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.get("properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode def(String name) {
    return schema.get("$defs").get(name);
  }

  @Test
  void isDraft2020() {
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void topLevelKeysMatchTheReader() {
    assertThat(keys(schema)).containsExactlyElementsOf(StudyReader.KEYS);
    assertThat(texts(schema.get("required")))
        .containsExactly("study", "methods", "datasets", "observables", "experiment");
  }

  @Test
  void nestedKeysMatchTheReader() {
    assertThat(keys(def("experiment"))).containsExactlyElementsOf(ExperimentReader.KEYS);
    assertThat(keys(def("figure"))).containsExactlyElementsOf(FigureReader.KEYS);
    assertThat(keys(def("generator"))).containsExactlyElementsOf(ControlReader.KEYS);
    assertThat(keys(schema.get("properties").get("draws")))
        .containsExactlyElementsOf(GridBuilder.DRAW_KEYS);
    assertThat(keys(schema.get("properties").get("executor").get("oneOf").get(1)))
        .containsExactlyElementsOf(StudyReader.EXECUTOR_KEYS);
    assertThat(keys(def("exclusion").get("oneOf").get(1)))
        .containsExactlyElementsOf(ExclusionReader.KEYS);
    assertThat(keys(def("method").get("oneOf").get(1)))
        .containsExactlyElementsOf(StudyReader.METHOD_KEYS);
  }

  @Test
  void choicesMatchTheReader() {
    JsonNode figure = def("figure").get("properties");
    assertThat(texts(figure.get("band").get("enum"))).isEqualTo(FigureSpec.BANDS);
    assertThat(texts(figure.get("scales").get("enum"))).isEqualTo(FigureSpec.SCALES);
    assertThat(texts(def("format").get("enum"))).isEqualTo(FigureSpec.FORMATS);
    assertThat(texts(def("executorType").get("enum"))).isEqualTo(StudyReader.EXECUTORS);
    List<String> kinds = new ArrayList<>();
    def("experiment").get("oneOf").forEach(n -> kinds.add(n.get("required").get(0).asText()));
    assertThat(kinds).isEqualTo(ExperimentReader.KINDS);
    List<String> generators = new ArrayList<>();
    def("generator").get("oneOf").forEach(n -> generators.add(n.get("required").get(0)
        .asText()));
    assertThat(generators).isEqualTo(ControlReader.GENERATORS);
  }

  @Test
  void everyReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(schema, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).startsWith("#/$defs/");
      assertThat(schema.get("$defs").has(ref.substring("#/$defs/".length()))).as(ref).isTrue();
    });
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    Iterator<JsonNode> children = node.elements();
    while (children.hasNext()) {
      collectRefs(children.next(), refs);
    }
  }

  private static List<String> schemaErrors(String yaml) {
    org.snakeyaml.engine.v2.api.LoadSettings settings = org.snakeyaml.engine.v2.api.LoadSettings
        .builder().setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema()).build();
    Object value = new org.snakeyaml.engine.v2.api.Load(settings).loadFromString(yaml);
    return new SchemaCheck(schema).errors(value);
  }

  static Stream<Arguments> docExamples() throws Exception {
    return StudyFileDocTest.examples().filter(a -> {
      StudyFileDocTest.Example e = (StudyFileDocTest.Example) ((Named<?>) a.get()[0])
          .getPayload();
      return e.next() == null || !e.next().text().startsWith("study.yaml:");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("docExamples")
  void acceptsEveryValidExampleOfTheReference(StudyFileDocTest.Example example) {
    String yaml = example.yaml().text();
    String study = yaml.startsWith("study:") ? yaml : TestStudies.complete(yaml);

    assertThat(schemaErrors(study)).isEmpty();
  }

  /** Mistakes of problems.txt that the schema alone can see. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"unknown-key-with-suggestion", "unknown-key-without-suggestion",
      "unknown-nested-key", "wrong-type-list", "wrong-type-number", "empty-list", "empty-levels",
      "level-not-a-value", "unknown-generator", "two-generators", "linspace-count-below-one",
      "linspace-wrong-arity", "replicate-not-boolean", "bad-duration", "duration-without-unit",
      "bad-band", "bad-scales", "bad-format", "figure-missing-x", "not-a-map",
      "axis-name-not-identifier", "study-name-with-space", "experiment-two-kinds",
      "experiment-nothing-to-run", "command-as-one-string", "negative-retries",
      "unknown-executor", "several-problems-at-once"})
  void refusesMistakesItCanSee(String id) throws Exception {
    StudyProblemsTest.Case c = StudyProblemsTest.cases()
        .map(a -> (StudyProblemsTest.Case) ((Named<?>) a.get()[0]).getPayload())
        .filter(x -> x.id().equals(id)).findFirst().orElseThrow();

    assertThat(schemaErrors(c.yaml())).isNotEmpty();
  }

  @Test
  void theJarCarriesTheSameSchema() throws Exception {
    try (InputStream in = StudySchemaTest.class.getResourceAsStream("/xyz/study.schema.json")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(FILE));
    }
  }
}
