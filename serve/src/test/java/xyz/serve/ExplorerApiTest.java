package xyz.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explorer's JSON API on a study whose values are known exactly ({@link FixtureExperiment}):
 * a real run, a real DuckDB database, a real server on a free port.
 */
class ExplorerApiTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Explorer explorer;

  @BeforeAll
  static void runTheStudyAndServeIt() throws Exception {
    Path file = Fixtures.write(Path.of("target", "api-fixture"), Fixtures.FIXTURE);
    Fixtures.run(file);
    explorer = Explorer.start(Fixtures.read(file), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    explorer.close();
  }

  private static String json(String path) throws Exception {
    Fixtures.Answer a = Fixtures.get(explorer, path);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.body();
  }

  @Test
  void theStudyIsItsAxesLevelsObservablesAndFigures() throws Exception {
    assertThat(json("/api/study")).isEqualTo("""
        {"name":"fixture","file":"study.yaml","cells":36,"axes":[{"name":"method","role":\
        "method","replicate":false,"numeric":false,"levels":["alpha","beta"]},{"name":"dataset",\
        "role":"dataset","replicate":false,"numeric":false,"levels":["one","two"]},{"name":"k",\
        "role":"control","replicate":false,"numeric":true,"levels":["1","2","4"],"values":[1.0,\
        2.0,4.0]},{"name":"seed","role":"control","replicate":true,"numeric":true,"levels":["0",\
        "1","2"],"values":[0.0,1.0,2.0]}],"observables":["score","loss"],"steps":true,\
        "figures":[{"name":"scores","rows":"method","cols":"dataset","x":"k","y":["score"],\
        "color":null,"band":"sd","scales":"shared","log_x":false,"log_y":false,"filter":{}}]}""");
  }

  @Test
  void aViewIsTheMeanOverSeedsWithItsBandInEachPanel() throws Exception {
    // score = 1 + dataset/2 + k/4 + (seed - 1)/8: seeds at -1/8, 0, +1/8, so sd = 1/8.
    assertThat(json("/api/view?rows=method&cols=dataset&x=k&y=score&band=sd&filter.method=alpha"))
        .isEqualTo("""
            {"frame":{"rows":"method","row_levels":["alpha"],"cols":"dataset","col_levels":\
            ["one","two"],"color":null,"color_levels":[""],"y":["score"],"x":"k","x_type":\
            "number","scales":"shared","log_x":false,"log_y":false},"mode":"mean","band":"sd",\
            "series":[{"row":0,"col":0,"color":0,"y":0,"x":[1.0,2.0,4.0],"mean":[1.75,2.0,2.5],\
            "lo":[1.625,1.875,2.375],"hi":[1.875,2.125,2.625],"n":[3,3,3]},{"row":0,"col":1,\
            "color":0,"y":0,"x":[1.0,2.0,4.0],"mean":[2.25,2.5,3.0],"lo":[2.125,2.375,2.875],\
            "hi":[2.375,2.625,3.125],"n":[3,3,3]}],"points":6,"thinned":false,"cells":\
            {"done":18},"notes":["averaged over: seed"]}""");
  }

  @Test
  void linesModeDrawsEverySeedAsItsOwnLineOverSteps() throws Exception {
    // loss = k * step + seed.
    assertThat(json("/api/view?x=step&y=loss&mode=lines&color=k&filter.method=alpha"
        + "&filter.dataset=one&filter.k=1&filter.k=4")).isEqualTo("""
            {"frame":{"rows":null,"row_levels":[""],"cols":null,"col_levels":[""],"color":"k",\
            "color_levels":["1","4"],"y":["loss"],"x":"step","x_type":"number","scales":\
            "shared","log_x":false,"log_y":false},"mode":"lines","band":"none","series":[{"row":\
            0,"col":0,"color":0,"y":0,"unit":"method=alpha, dataset=one, seed=0","x":[1.0,2.0,\
            3.0],"value":[1.0,2.0,3.0],"n":[1,1,1]},{"row":0,"col":0,"color":0,"y":0,"unit":\
            "method=alpha, dataset=one, seed=1","x":[1.0,2.0,3.0],"value":[2.0,3.0,4.0],"n":[1,1,\
            1]},{"row":0,"col":0,"color":0,"y":0,"unit":"method=alpha, dataset=one, seed=2","x":\
            [1.0,2.0,3.0],"value":[3.0,4.0,5.0],"n":[1,1,1]},{"row":0,"col":0,"color":1,"y":0,\
            "unit":"method=alpha, dataset=one, seed=0","x":[1.0,2.0,3.0],"value":[4.0,8.0,12.0],\
            "n":[1,1,1]},{"row":0,"col":0,"color":1,"y":0,"unit":"method=alpha, dataset=one,\
             seed=1","x":[1.0,2.0,3.0],"value":[5.0,9.0,13.0],"n":[1,1,1]},{"row":0,"col":0,\
            "color":1,"y":0,"unit":"method=alpha, dataset=one, seed=2","x":[1.0,2.0,3.0],\
            "value":[6.0,10.0,14.0],"n":[1,1,1]}],"points":18,"thinned":false,"cells":{"done":\
            6},"notes":["one line per seed"]}""");
  }

  @Test
  void theIntervalIsStudentsTOfTheMean() throws Exception {
    JsonNode view = MAPPER.readTree(json("/api/view?rows=dataset&x=step&y=loss&color=method"
        + "&band=ci95&filter.k=2"));
    // loss at step 1 with k = 2 is 2, 3 and 4: mean 3, sd 1, n 3, t(2) = 4.303.
    JsonNode first = view.get("series").get(0);
    assertThat(first.get("mean").get(0).asDouble()).isEqualTo(3.0);
    // Values to draw come in single precision.
    assertThat(first.get("lo").get(0).floatValue()).isEqualTo((float) (3 - 4.303 / Math.sqrt(3)));
    assertThat(first.get("hi").get(0).floatValue()).isEqualTo((float) (3 + 4.303 / Math.sqrt(3)));
  }

  @Test
  void aFailedCellIsLeftOutAndSaid() throws Exception {
    JsonNode view = MAPPER.readTree(json("/api/view?rows=method&cols=dataset&x=k&y=score"));
    assertThat(view.get("cells").toString()).isEqualTo("{\"done\":35,\"failed\":1}");
    assertThat(view.get("notes").toString())
        .isEqualTo("[\"averaged over: seed\",\"left out 1 cell that did not end done\"]");
    JsonNode betaTwo = view.get("series").get(3);
    assertThat(betaTwo.get("n").toString()).isEqualTo("[3,3,2]");
    assertThat(betaTwo.get("mean").get(2).asDouble()).isEqualTo((3.875 + 4.0) / 2);
  }

  @Test
  void theTableHasRowAndColumnMeansAndTheBestOfEachColumn() throws Exception {
    assertThat(json("/api/table?y=score")).isEqualTo("""
        {"rows":"method","row_levels":["alpha","beta"],"cols":"dataset","col_levels":["one",\
        "two"],"y":"score","aggregate":"mean","best":"max","values":[[2.0833333333333335,\
        2.5833333333333335],[3.0833333333333335,3.515625]],"counts":[[9,9],[9,8]],"row_means":\
        [2.3333333333333335,3.299479166666667],"col_means":[2.5833333333333335,\
        3.049479166666667],"mean":2.81640625,"best_rows":[[1],[1]],"notes":["mean over: k,\
         seed"]}""");
    JsonNode lowest = MAPPER.readTree(json("/api/table?y=score&best=min&aggregate=min"));
    assertThat(lowest.get("values").toString()).isEqualTo("[[1.625,2.125],[2.625,3.125]]");
    assertThat(lowest.get("best_rows").toString()).isEqualTo("[[0],[0]]");
  }

  @Test
  void aPanelListsItsCellsAndACellShowsItsFiles() throws Exception {
    JsonNode list = MAPPER.readTree(json("/api/cells?filter.method=beta&filter.dataset=two"
        + "&filter.k=4"));
    assertThat(list.get("total").asInt()).isEqualTo(3);
    List<String> rows = new ArrayList<>();
    for (JsonNode c : list.get("cells")) {
      rows.add(c.get("params").toString() + " " + c.get("state").asText());
    }
    assertThat(rows).containsExactly(
        "{\"method\":\"beta\",\"dataset\":\"two\",\"k\":\"4\",\"seed\":\"0\"} done",
        "{\"method\":\"beta\",\"dataset\":\"two\",\"k\":\"4\",\"seed\":\"1\"} done",
        "{\"method\":\"beta\",\"dataset\":\"two\",\"k\":\"4\",\"seed\":\"2\"} failed");

    JsonNode done = MAPPER.readTree(json("/api/cell/" + list.get("cells").get(0).get("id")
        .asText()));
    assertThat(done.get("state").asText()).isEqualTo("done");
    assertThat(done.get("stdout").get("text").asText())
        .isEqualTo("fitting beta on two with k=4, seed 0\n");
    assertThat(done.get("provenance").get("experiment").asText())
        .isEqualTo("java:xyz.serve.FixtureExperiment#1");

    JsonNode failed = MAPPER.readTree(json("/api/cell/" + list.get("cells").get(2).get("id")
        .asText()));
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.get("status").get("error").asText()).contains("this cell fails on purpose");
  }

  @Test
  void longLinesAreThinnedToTheirLowestAndHighestPoints() throws Exception {
    JsonNode view = MAPPER.readTree(json("/api/view?x=step&y=loss&mode=lines&max_points=10"
        + "&filter.method=alpha&filter.dataset=one"));
    assertThat(view.get("thinned").asBoolean()).isTrue();
    assertThat(view.get("series")).hasSize(9);
    for (JsonNode line : view.get("series")) {
      // Each line rises with the step: its lowest point is step 1, its highest step 3.
      assertThat(line.get("x").toString()).isEqualTo("[1.0,3.0]");
    }
    assertThat(view.get("points").asInt()).isEqualTo(18);
  }

  @Test
  void progressCountsTheCellsAndAnswersCarryTheirServerTime() throws Exception {
    JsonNode p = MAPPER.readTree(json("/api/progress"));
    assertThat(List.of(p.get("cells").asInt(), p.get("done").asInt(), p.get("failed").asInt(),
        p.get("running").asInt(), p.get("left").asInt())).containsExactly(36, 35, 1, 0, 0);
    String timing = Fixtures.get(explorer, "/api/view?x=k&y=score").timing();
    assertThat(timing).matches("app;dur=\\d+\\.\\d");
  }
}
