package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code xyz run} at random moments, then resume, again and again: the
 * final results are those of a run that was never killed, and no cell ever looks done with half
 * its output.
 */
class KillResumeTest {
  private static final int CELLS = 24;
  private static final int LINES = 4;
  /** Studies killed and resumed, each from scratch, and the kills in each. */
  private static final int STUDIES = 4;
  private static final int KILLS_EACH = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Cells whose k is 1 mod 3 are slow, those 5 mod 7 fail after writing their lines. */
  private static String study(String name) {
    String levels = IntStream.rangeClosed(1, CELLS).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    String script = "k=$0; for i in 1 2 3 4; do echo \"{\\\"step\\\": $i, \\\"v\\\": $k}\""
        + " >> \"$XYZ_OBSERVATIONS\"; if [ $((k % 3)) -eq 1 ]; then sleep 0.25; fi; done;"
        + " if [ $((k % 7)) -eq 5 ]; then echo boom >&2; exit 3; fi";
    return """
        study: %s
        methods: [m]
        datasets: [d]
        controls:
          k: [%s]
        observables: [v]
        experiment:
          command: [sh, -c, '%s', "{k}"]
        """.formatted(name, levels, script);
  }

  @Test
  void killedAndResumedRunsEndWithTheResultsOfAnUninterruptedOne() throws Exception {
    Path reference = Cli.study(tmp.resolve("ref"), study("kill"));
    Cli whole = Cli.run("run", reference.toString(), "--workers", "2", "--no-plot");
    assertThat(whole.code).as(whole.toString()).isEqualTo(Main.FAILURE);

    SplittableRandom random = new SplittableRandom(20261203L);
    int killedWhileRunning = 0;
    for (int n = 0; n < STUDIES; n++) {
      Path killed = Cli.study(tmp.resolve("killed-" + n), study("kill"));
      Path cells = killed.resolveSibling("results/cells");
      for (int round = 0; round < KILLS_EACH; round++) {
        Process run = xyz("run", killed.toString(), "--workers", "2", "--no-plot");
        long waitMillis = 150 + random.nextLong(1350);
        if (!run.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
          killedWhileRunning++;
          run.destroyForcibly();
        }
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertEveryEndedCellIsWhole(cells,
            "study " + n + ", round " + round + ", killed after " + waitMillis + " ms");
      }

      Cli resume = Cli.run("run", killed.toString(), "--workers", "2", "--no-plot");
      assertThat(resume.code).as(resume.toString()).isEqualTo(Main.FAILURE);
      assertEveryEndedCellIsWhole(cells, "study " + n + " after the last resume");
      try (var left = Files.list(killed.resolveSibling("results/work"))) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("what the killed runs left in work/, after the resume").isEmpty();
      }
      assertThat(states(cells)).isEqualTo(states(tmp.resolve("ref/results/cells")))
          .hasSize(CELLS);
      List<String> rows = Files.readAllLines(killed.resolveSibling("results/observations.csv"));
      assertThat(rows)
          .isEqualTo(Files.readAllLines(tmp.resolve("ref/results/observations.csv")))
          .hasSize(1 + CELLS * LINES)
          .doesNotHaveDuplicates();
    }
    assertThat(killedWhileRunning).as("runs killed before they ended")
        .isGreaterThan(STUDIES * KILLS_EACH / 2);
  }

  /** A done cell has all its lines once; a failed one is the cell that fails, and only it. */
  private static void assertEveryEndedCellIsWhole(Path cells, String when) throws Exception {
    if (!Files.isDirectory(cells)) {
      return;
    }
    try (var dirs = Files.list(cells)) {
      for (Path dir : dirs.toList()) {
        JsonNode status = JSON.readTree(dir.resolve("status.json").toFile());
        int k = JSON.readTree(dir.resolve("params.json").toFile()).path("params").path("k")
            .asInt();
        String state = status.path("state").asText();
        List<String> lines = Files.readAllLines(dir.resolve("observations.jsonl"));
        assertThat(state).as(when + ": state of k=" + k)
            .isEqualTo(k % 7 == 5 ? "failed" : "done");
        List<String> expected = IntStream.rangeClosed(1, LINES)
            .mapToObj(i -> "{\"step\": " + i + ", \"v\": " + k + "}").toList();
        assertThat(lines).as(when + ": observations of k=" + k).isEqualTo(expected);
      }
    }
  }

  private static Map<String, String> states(Path cells) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (var dirs = Files.list(cells)) {
      for (Path dir : dirs.toList()) {
        out.put(dir.getFileName().toString(),
            JSON.readTree(dir.resolve("status.json").toFile()).path("state").asText());
      }
    }
    return out;
  }

  private static Process xyz(String... args) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-XX:TieredStopAtLevel=1");
    argv.add("-XX:+UseSerialGC");
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    argv.add("xyz.cli.Main");
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(new File("/dev/null")).start();
  }
}
