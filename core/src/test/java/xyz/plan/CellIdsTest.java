package xyz.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import xyz.study.TestStudies;

class CellIdsTest {
  private static final String DEMO = "builtin:demo#1";

  @Test
  void anIdIsTheHashOfTheCanonicalText() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("method", "svm");
    params.put("dataset", "iris");
    params.put("p", 0.30000000000000004);
    params.put("seed", 2L);

    String text = CellIds.canonicalText(DEMO, params);

    assertThat(text).isEqualTo("xyz-cell/1\nexperiment=builtin:demo#1\ndataset=iris\n"
        + "method=svm\np=0.3\nseed=2\n");
    byte[] hash = MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8));
    String expected = "c" + HexFormat.of().formatHex(hash).substring(0, 16);
    assertThat(CellIds.of(DEMO, params)).isEqualTo(expected);
  }

  @Test
  void idsDoNotChangeBetweenReleases() {
    // Re-running a study finds its finished cells by id: this value must never change. It is
    // the first 16 hex digits of: printf 'xyz-cell/1\nexperiment=builtin:demo#1\ndataset=iris\n'
    // 'method=svm\n' | sha256sum
    assertThat(CellIds.of(DEMO, Map.of("method", "svm", "dataset", "iris")))
        .isEqualTo("c3ed64d2c892f338b");
  }

  @Test
  void theOrderOfTheParametersDoesNotMatter() {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("a", 1L);
    one.put("b", "x");
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("b", "x");
    other.put("a", 1L);

    assertThat(CellIds.of(DEMO, one)).isEqualTo(CellIds.of(DEMO, other));
  }

  @Test
  void valuesCountByTheirLabel() {
    assertThat(CellIds.of(DEMO, Map.of("n", 1L)))
        .isEqualTo(CellIds.of(DEMO, Map.of("n", 1.0)))
        .isEqualTo(CellIds.of(DEMO, Map.of("n", "1")));
  }

  @Test
  void separatorsInsideValuesCannotForgeAnotherCell() {
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("a", "1");
    two.put("b", "2");

    assertThat(CellIds.of(DEMO, Map.of("a", "1\nb=2"))).isNotEqualTo(CellIds.of(DEMO, two));
    assertThat(CellIds.of(DEMO, Map.of("a", "x=y")))
        .isNotEqualTo(CellIds.of(DEMO, Map.of("a=x", "y")));
    assertThat(CellIds.of(DEMO, Map.of("a", "1\\")))
        .isNotEqualTo(CellIds.of(DEMO, Map.of("a", "1\\\\")));
    assertThat(CellIds.of("builtin:x\nmethod=a#1", Map.of()))
        .isNotEqualTo(CellIds.of("builtin:x#1", Map.of("method", "a")));
  }

  @Test
  void theHasherAgreesWithOf() {
    CellIds.Hasher hasher = CellIds.hasher(DEMO, List.of("seed", "method", "p"));

    String id = hasher.id(new String[] {"3", "svm", "0.5"});

    assertThat(id).isEqualTo(CellIds.of(DEMO, Map.of("method", "svm", "p", 0.5, "seed", 3L)));
    assertThat(hasher.id(new String[] {"3", "svm", "0.5"})).isEqualTo(id);
  }

  static Stream<Map<String, Object>> randomParams() {
    SplittableRandom random = new SplittableRandom(42);
    List<Map<String, Object>> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      int n = 1 + random.nextInt(5);
      for (int j = 0; j < n; j++) {
        Object value = switch (random.nextInt(4)) {
          case 0 -> random.nextLong(-1000, 1000);
          case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-8, 8));
          case 2 -> random.nextBoolean();
          default -> Long.toString(random.nextLong(), 36);
        };
        params.put("k" + random.nextInt(10), value);
      }
      all.add(params);
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("randomParams")
  void idsAreTextThatNoToolReadsAsANumber(Map<String, Object> params) {
    String id = CellIds.of(DEMO, params);

    assertThat(id).matches(CellIds.FORMAT).matches(".*[^0-9].*");
    assertThatThrownBy(() -> Double.parseDouble(id)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> new BigDecimal(id)).isInstanceOf(NumberFormatException.class);
    assertThat(id).isEqualTo(CellIds.of(DEMO, new LinkedHashMap<>(params)));
  }

  @Test
  void growingAStudyKeepsTheIdsOfItsCells() {
    Plan small = Planner.plan(TestStudies.parse("""
        datasets: [iris, wine]
        controls:
          seed: {range: [3], replicate: true}
        """));
    Plan grown = Planner.plan(TestStudies.parse("""
        datasets: [iris, wine, digits]
        controls:
          seed: {range: [5], replicate: true}
        """));

    Map<Map<String, Object>, String> grownIds = new LinkedHashMap<>();
    grown.cells().forEach(c -> grownIds.put(Map.copyOf(c.params()), c.id()));
    assertThat(small.cells()).allSatisfy(c ->
        assertThat(grownIds.get(Map.copyOf(c.params()))).isEqualTo(c.id()));
    assertThat(grown.size()).isEqualTo(2 * 3 * 5);
  }

  @Test
  void aNewVersionChangesEveryId() {
    String study = "controls:\n  p: [0, 1]\nexperiment: {builtin: demo, version: VERSION}\n";
    Plan v1 = Planner.plan(TestStudies.parse(study.replace("VERSION", "'1'")));
    Plan v2 = Planner.plan(TestStudies.parse(study.replace("VERSION", "'2'")));
    Plan again = Planner.plan(TestStudies.parse(study.replace("VERSION", "'1'")));

    List<String> ids1 = v1.cells().stream().map(Cell::id).toList();
    assertThat(again.cells()).extracting(Cell::id).containsExactlyElementsOf(ids1);
    assertThat(v2.cells()).extracting(Cell::id).doesNotContainAnyElementsOf(ids1)
        .hasSameSizeAs(ids1);
  }

  @Test
  void anotherExperimentGetsOtherIds() {
    String study = "methods: [a]\ndatasets: [d]\nexperiment: EXPERIMENT\n";
    String builtin = Planner.plan(TestStudies.parse(study.replace("EXPERIMENT",
        "{builtin: demo}"))).cells().get(0).id();
    String java = Planner.plan(TestStudies.parse(study.replace("EXPERIMENT",
        "{java: demo}"))).cells().get(0).id();
    String command = Planner.plan(TestStudies.parse(study.replace("EXPERIMENT",
        "{command: [demo]}"))).cells().get(0).id();

    assertThat(List.of(builtin, java, command)).doesNotHaveDuplicates();
  }
}
