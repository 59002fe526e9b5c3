package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every executor promises, run through the command line as a user runs a study: each
 * executor's test class extends this one and says how to run a study to its end and how to kill
 * a run the hard way. The results must be the same cells and the same observation rows as those
 * of a local run.
 */
abstract class ExecutorContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Runs the study's cells that have not ended (as `xyz run` does) and returns at their end. */
  abstract Cli runToEnd(Path study, String... flags) throws Exception;

  /**
   * Starts a run of the study, waits until {@code ended} cells have ended, then kills the run the
   * hard way (no chance to write anything more), and returns once nothing of it runs any more.
   */
  abstract void startAndKill(Path study, Path cells, int ended) throws Exception;

  private Path study(String name, String experiment) throws Exception {
    return Cli.study(tmp.resolve(name), """
        study: %s
        methods: [a, b]
        datasets: [d]
        controls:
          k: [1, 2, 3]
        observables: [v]
        experiment:
        %s
        """.formatted(name, experiment.indent(2)));
  }

  private static Path cells(Path study) {
    return study.resolveSibling("results").resolve("cells");
  }

  private static Map<String, JsonNode> statuses(Path study) throws Exception {
    Map<String, JsonNode> out = new TreeMap<>();
    try (var dirs = Files.list(cells(study))) {
      for (Path d : dirs.toList()) {
        JsonNode status = JSON.readTree(d.resolve("status.json").toFile());
        JsonNode params = JSON.readTree(d.resolve("params.json").toFile()).get("params");
        out.put(params.get("method").asText() + params.get("k").asText(), status);
      }
    }
    return out;
  }

  private static List<String> states(Path study) throws Exception {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : statuses(study).entrySet()) {
      out.add(e.getKey() + " " + e.getValue().get("state").asText());
    }
    return out;
  }

  private static List<List<Object>> rows(Path study, String sql) throws Exception {
    return ResultsDb.rows(study.resolveSibling("results"), sql);
  }

  private static final String WRITE_V =
      "echo \"{\\\"step\\\": 1, \\\"v\\\": $1}\" > \"$XYZ_OBSERVATIONS\"";

  @Test
  void everyCellRunsOnceAndEndsDone() throws Exception {
    Path study = study("success", "command: [sh, -c, '" + WRITE_V + "; echo out', '{method}',"
        + " '{k}']");

    Cli run = runToEnd(study);

    assertThat(run.code).as(run.toString()).isZero();
    Map<String, JsonNode> st = statuses(study);
    assertThat(st).hasSize(6);
    for (JsonNode s : st.values()) {
      assertThat(s.get("state").asText()).isEqualTo("done");
      assertThat(s.get("exit_code").asInt()).isZero();
      assertThat(s.get("attempt").asInt()).isEqualTo(1);
    }
    try (var dirs = Files.list(cells(study))) {
      for (Path d : dirs.toList()) {
        assertThat(Files.readString(d.resolve("stdout.txt")).strip()).isEqualTo("out");
      }
    }
  }

  @Test
  void aFailingExitCodeFailsThatCellOnly() throws Exception {
    Path study = study("failing", "command: [sh, -c, 'if [ $0 = b ] && [ $1 = 2 ]; then echo"
        + " broken >&2; exit 3; fi; " + WRITE_V + "', '{method}', '{k}']");

    Cli run = runToEnd(study);

    assertThat(run.code).as(run.toString()).isEqualTo(Main.FAILURE);
    assertThat(states(study)).containsExactly("a1 done", "a2 done", "a3 done", "b1 done",
        "b2 failed", "b3 done");
    JsonNode failed = statuses(study).get("b2");
    assertThat(failed.get("exit_code").asInt()).isEqualTo(3);
    assertThat(failed.get("error").asText()).isEqualTo("exit code 3");
    assertThat(Files.readString(cells(study).resolve(failed.get("cell_id").asText())
        .resolve("stderr.txt")).strip()).isEqualTo("broken");
  }

  @Test
  void aCellPastItsTimeoutIsStoppedAndMarked() throws Exception {
    Path study = study("timeout", "command: [sh, -c, 'if [ $1 = 3 ]; then sleep 60; fi; "
        + WRITE_V + "', '{method}', '{k}']\ntimeout: 2s");

    long start = System.nanoTime();
    Cli run = runToEnd(study);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(run.code).as(run.toString()).isEqualTo(Main.FAILURE);
    assertThat(states(study)).containsExactly("a1 done", "a2 done", "a3 timeout", "b1 done",
        "b2 done", "b3 timeout");
    assertThat(statuses(study).get("a3").get("error").asText()).isEqualTo("timed out after 2s");
    assertThat(seconds).isLessThan(60);
  }

  @Test
  void aFailedAttemptIsRetriedAndTheLastAttemptCounts() throws Exception {
    Path marks = Files.createDirectories(tmp.resolve("marks"));
    Path study = study("retries", "command: [sh, -c, 'm=\"$2/$XYZ_CELL_ID\"; if [ $0 = a ] && [ !"
        + " -f \"$m\" ]; then touch \"$m\"; exit 1; fi; " + WRITE_V + "', '{method}', '{k}', '"
        + marks + "']\nretries: 2");

    Cli run = runToEnd(study);

    assertThat(run.code).as(run.toString()).isZero();
    Map<String, JsonNode> st = statuses(study);
    assertThat(states(study)).allMatch(s -> s.endsWith(" done"));
    assertThat(st.get("a1").get("attempt").asInt()).isEqualTo(2);
    assertThat(st.get("b1").get("attempt").asInt()).isEqualTo(1);
    try (var m = Files.list(marks)) {
      assertThat(m.count()).isEqualTo(3);
    }
  }

  @Test
  void observablesOfEveryStepAreCollected() throws Exception {
    Path study = study("observables", "command: [sh, -c, 'for s in 1 2 3; do echo \"{\\\"step\\\":"
        + " $s, \\\"v\\\": $(($1 * s))}\"; done > \"$XYZ_OBSERVATIONS\"', '{method}', '{k}']");

    Cli run = runToEnd(study);

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(rows(study, "SELECT count(*), sum(value) FROM observations"))
        .containsExactly(List.of(18L, 72.0));
    assertThat(rows(study, "SELECT method, k, v FROM cells ORDER BY method, k")).containsExactly(
        List.of("a", 1L, 3.0), List.of("a", 2L, 6.0), List.of("a", 3L, 9.0),
        List.of("b", 1L, 3.0), List.of("b", 2L, 6.0), List.of("b", 3L, 9.0));
  }

  @Test
  void aKilledRunResumesWithOnlyTheCellsThatHadNotEnded() throws Exception {
    Path slow = tmp.resolve("slow");
    Files.writeString(slow, "");
    Path study = study("resume", "command: [sh, -c, 'if [ $0 = b ] && [ -f \"$2\" ]; then"
        + " sleep 60; fi; " + WRITE_V + "', '{method}', '{k}', '" + slow + "']");

    startAndKill(study, cells(study), 3);
    Map<String, JsonNode> before = new TreeMap<>(statuses(study));
    before.values().removeIf(st -> !st.get("state").asText().equals("done"));
    assertThat(before.keySet()).containsExactly("a1", "a2", "a3");
    Files.delete(slow);
    Cli resume = runToEnd(study);

    assertThat(resume.code).as(resume.toString()).isZero();
    assertThat(states(study)).containsExactly("a1 done", "a2 done", "a3 done", "b1 done",
        "b2 done", "b3 done");
    Map<String, JsonNode> after = statuses(study);
    for (String kept : before.keySet()) {
      assertThat(after.get(kept).get("started").asText()).as(kept)
          .isEqualTo(before.get(kept).get("started").asText());
    }
    assertThat(rows(study, "SELECT count(*) FROM observations")).containsExactly(List.of(6L));
  }

  @Test
  void resultsAreTheSameCellsAndRowsAsThoseOfALocalRun() throws Exception {
    String experiment = "command: [sh, -c, 'if [ $0 = b ] && [ $1 = 3 ]; then exit 4; fi; for s in"
        + " 1 2; do echo \"{\\\"step\\\": $s, \\\"v\\\": $1.5}\"; done > \"$XYZ_OBSERVATIONS\"',"
        + " '{method}', '{k}']";
    Path here = study("same", experiment);
    Path local = Cli.study(tmp.resolve("local"), Files.readString(here));

    Cli run = runToEnd(here);
    Cli reference = Cli.run("run", local.toString(), "--executor", "local", "--no-plot");

    assertThat(run.code).as(run.toString()).isEqualTo(Main.FAILURE);
    assertThat(reference.code).as(reference.toString()).isEqualTo(Main.FAILURE);
    String cellsSql = "SELECT cell_id, cell_index, method, dataset, k, v, state, exit_code, "
        + "signal, attempt, error FROM cells ORDER BY cell_id";
    String obsSql = "SELECT * FROM observations ORDER BY cell_id, seq";
    assertThat(rows(here, cellsSql)).hasSize(6).isEqualTo(rows(local, cellsSql));
    assertThat(rows(here, obsSql)).hasSize(10).isEqualTo(rows(local, obsSql));
  }

  /** Waits until {@code n} cell folders exist under {@code cells}, at most a minute. */
  static void awaitCells(Path cells, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(cells) < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count(cells)).as("cells ended before the kill").isGreaterThanOrEqualTo(n);
  }

  private static long count(Path cells) throws Exception {
    if (!Files.isDirectory(cells)) {
      return 0;
    }
    try (var s = Files.list(cells)) {
      return s.count();
    }
  }
}
