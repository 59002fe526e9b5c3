package xyz.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.study.TestStudies;

class PlanReportTest {

  @Test
  void rendersCountsExclusionsPreviewAndProgress() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [logreg, svm]
        datasets: [iris, wine]
        controls:
          p: [0, 0.25]
          seed: {range: [2], replicate: true}
        exclude:
          - where: "method == 'svm' and dataset == 'wine'"
            because: too slow
          - p > 1
        """));
    List<String> ids = plan.cells().stream().map(Cell::id).toList();
    Set<String> done = Set.of(ids.get(0), ids.get(5));

    String text = PlanReport.render(plan, done::contains, 3);

    assertThat(text).isEqualTo("""
        study test: 12 cells = 2 method x 2 dataset x 2 p x 2 seed (replicate) - 4 excluded
        excluded:
          4  method == 'svm' and dataset == 'wine'  (too slow)
          0  p > 1

        cell               method  dataset     p  seed
        %s  logreg  iris        0     0
        %s  logreg  iris        0     1
        %s  logreg  iris     0.25     0
        ... 9 more

        done: 2 of 12, to run: 10
        """.formatted(ids.get(0), ids.get(1), ids.get(2)));
  }

  @Test
  void showsZipsDrawsAndMethodControls() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods:
          - logreg
          - name: forest
            controls:
              trees: [50, 100]
        datasets: [iris]
        controls:
          lr: [0.1, 0.01]
          w: [1, 2]
          opt: {choice: [sgd, adam]}
        zip: [[lr, w]]
        draws: {n: 8, seed: 3}
        """));

    String text = PlanReport.render(plan, id -> false, 1);

    assertThat(text).isEqualTo("""
        study test: 12 cells = logreg x 1 dataset x 2 (lr, w zipped) x 2 distinct draws of 8 \
        (opt) + forest x 1 dataset x 2 (lr, w zipped) x 2 distinct draws of 8 (opt) x 2 trees

        cell               method  dataset   lr  w  opt  trees
        %s  logreg  iris     0.1  1  sgd      -
        ... 11 more

        done: 0 of 12, to run: 12
        """.formatted(plan.cells().get(0).id()));
  }

  @Test
  void groupsMethodsThatShareTheirFactors() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods:
          - a
          - b
          - name: c
            controls:
              k: [1, 2, 3]
        datasets: [d1, d2]
        """));

    String text = PlanReport.render(plan, id -> true, 0);

    assertThat(text).isEqualTo("""
        study test: 10 cells = 2 method (a, b) x 2 dataset + c x 2 dataset x 3 k

        done: 10 of 10, to run: 0
        """);
  }

  @Test
  void writesPlanJson(@TempDir Path dir) throws Exception {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods:
          - logreg
          - name: forest
            controls:
              trees: [50]
        datasets: [iris]
        controls:
          p: [0.5]
          flag: [true]
          seed: {range: [1], replicate: true}
        """));
    Path file = dir.resolve("results").resolve("plan.json");

    PlanReport.writePlanJson(plan, file);
    PlanReport.writePlanJson(plan, file);

    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("study").asText()).isEqualTo("test");
    assertThat(json.get("experiment").asText()).isEqualTo("builtin:demo#1");
    assertThat(json.get("grid_size").asLong()).isEqualTo(2);
    assertThat(json.get("axes")).hasSize(6);
    assertThat(json.get("axes").get(0).toString()).isEqualTo(
        "{\"name\":\"method\",\"role\":\"method\",\"levels\":[\"logreg\",\"forest\"],"
            + "\"replicate\":false,\"methods\":[]}");
    assertThat(json.get("axes").get(4).toString()).isEqualTo(
        "{\"name\":\"seed\",\"role\":\"control\",\"levels\":[0],\"replicate\":true,"
            + "\"methods\":[]}");
    assertThat(json.get("axes").get(5).get("methods").toString()).isEqualTo("[\"forest\"]");
    assertThat(json.get("cells")).hasSize(2);
    assertThat(json.get("cells").get(1).toString()).isEqualTo("{\"id\":\""
        + plan.cells().get(1).id() + "\",\"index\":1,\"params\":{\"method\":\"forest\","
        + "\"dataset\":\"iris\",\"p\":0.5,\"flag\":true,\"seed\":0,\"trees\":50}}");
    String text = Files.readString(file);
    assertThat(text.lines()).hasSize(18).first().isEqualTo("{");
    assertThat(text.lines().toList().get(17)).isEqualTo("}");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }
}
