package xyz.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The explorer follows a study while it runs: progress counts cells as they start and end, the
 * views show the ended cells before any collect, and the database that {@code xyz collect}
 * writes later replaces the explorer's own snapshot.
 */
class RunningStudyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String STUDY = """
      study: gated
      methods: [m]
      datasets: [d]
      controls:
        k: [1, 2]
        seed: {range: [0, 2], replicate: true}
      observables: [score]
      experiment:
        java: xyz.serve.GateExperiment
      """;

  private static JsonNode get(Explorer explorer, String path) throws Exception {
    return MAPPER.readTree(Fixtures.get(explorer, path).body());
  }

  private static String counts(Explorer explorer) throws Exception {
    explorer.refreshNow();
    JsonNode p = get(explorer, "/api/progress");
    return p.get("done") + " done, " + p.get("failed") + " failed, " + p.get("running")
        + " running, " + p.get("left") + " left";
  }

  @Test
  void theViewsFollowCellsAsTheyEnd() throws Exception {
    Path file = Fixtures.write(Path.of("target", "running-fixture"), STUDY);
    GateExperiment.gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Explorer explorer = Explorer.start(Fixtures.read(file), "127.0.0.1", 0)) {
      assertThat(counts(explorer)).isEqualTo("0 done, 0 failed, 0 running, 4 left");
      Fixtures.Answer none = Fixtures.get(explorer, "/api/view?x=k&y=score");
      assertThat(none.status()).isEqualTo(404);
      assertThat(none.body()).contains("there are no results yet: no cell of gated has ended");

      Future<?> run = pool.submit(() -> Fixtures.run(file));
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!counts(explorer).equals("2 done, 0 failed, 2 running, 0 left")) {
        assertThat(System.nanoTime()).as(counts(explorer)).isLessThan(deadline);
        Thread.sleep(100);
      }
      JsonNode view = get(explorer, "/api/view?x=k&y=score&mode=lines");
      assertThat(view.get("series").toString()).isEqualTo("[{\"row\":0,\"col\":0,\"color\":0,"
          + "\"y\":0,\"unit\":\"method=m, dataset=d, seed=0\",\"x\":[1.0],\"value\":[1.0],\"n\":"
          + "[1]},{\"row\":0,\"col\":0,\"color\":0,\"y\":0,\"unit\":\"method=m, dataset=d, seed=1\""
          + ",\"x\":[1.0],\"value\":[1.125],\"n\":[1]}]");
      String running = get(explorer, "/api/cells?filter.k=1").get("cells").get(0).get("id")
          .asText();
      assertThat(get(explorer, "/api/cell/" + running).get("stdout").get("text").asText())
          .isEqualTo("cell with k=1 ran\n");
      long version = get(explorer, "/api/progress").get("version").asLong();

      GateExperiment.gate.countDown();
      run.get();
      assertThat(counts(explorer)).isEqualTo("4 done, 0 failed, 0 running, 0 left");
      assertThat(get(explorer, "/api/progress").get("version").asLong()).isGreaterThan(version);
      JsonNode after = get(explorer, "/api/view?x=k&y=score");
      assertThat(after.get("series").get(0).get("mean").toString()).isEqualTo("[1.0625,2.0625]");
      assertThat(after.get("cells").toString()).isEqualTo("{\"done\":4}");
    } finally {
      GateExperiment.gate.countDown();
      pool.shutdownNow();
    }
  }
}
