package xyz.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.collect.CollectReport;
import xyz.collect.Collector;
import xyz.plan.Cell;
import xyz.plan.Planner;
import xyz.study.Study;
import xyz.study.StudyReader;

/**
 * 64 worker processes run disjoint slices of one study into one results folder at once, as the
 * tasks of an array job do: collect then finds every cell once, every file whole.
 */
class ManyWritersTest {
  private static final int WORKERS = 64;
  private static final int CELLS = 256;
  private static final int LINES = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sixtyFourWorkersWriteEveryCellOnceAndWhole() throws Exception {
    String levels = IntStream.range(0, CELLS).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    Path file = tmp.resolve("study.yaml");
    Files.writeString(file, """
        study: writers
        methods: [m]
        datasets: [d]
        controls:
          k: [%s]
        observables: [v]
        experiment:
          command: [sh, -c, 'i=1; while [ $i -le %d ]; do echo "{\\"step\\": $i, \\"v\\": $0}";
            i=$((i + 1)); done > "$XYZ_OBSERVATIONS"; echo "cell $0"', "{k}"]
        """.formatted(levels, LINES));

    List<Process> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      workers.add(java(SliceMain.class.getName(), file.toString(), Integer.toString(w),
          Integer.toString(WORKERS)));
    }
    for (Process p : workers) {
      assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("a worker ended").isTrue();
      assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    Study study = StudyReader.read(file);
    Path results = study.resultsDir();
    CollectReport report = Collector.collect(study, results);
    assertThat(report.cells()).isEqualTo(CELLS);
    assertThat(report.observationRows()).isEqualTo((long) CELLS * LINES);
    assertThat(report.badLineCount()).isZero();
    try (var work = Files.list(results.resolve("work"))) {
      assertThat(work.toList()).as("attempts left in work/").isEmpty();
    }

    Set<String> hosts = new HashSet<>();
    for (Cell cell : Planner.plan(study).cells()) {
      Path dir = results.resolve("cells").resolve(cell.id());
      JsonNode status = JSON.readTree(dir.resolve("status.json").toFile());
      assertThat(status.path("state").asText()).isEqualTo("done");
      hosts.add(status.path("host").asText());
      int k = ((Number) cell.params().get("k")).intValue();
      assertThat(JSON.readTree(dir.resolve("params.json").toFile()).path("params").path("k")
          .asInt()).isEqualTo(k);
      List<String> expected = IntStream.rangeClosed(1, LINES)
          .mapToObj(i -> "{\"step\": " + i + ", \"v\": " + k + "}").toList();
      assertThat(Files.readAllLines(dir.resolve("observations.jsonl"))).isEqualTo(expected);
      assertThat(Files.readString(dir.resolve("stdout.txt"))).isEqualTo("cell " + k + "\n");
    }
    assertThat(hosts).as("cells written by each worker").hasSize(WORKERS);
    List<String> csv = Files.readAllLines(results.resolve("cells.csv"));
    assertThat(csv).hasSize(1 + CELLS).doesNotHaveDuplicates();
  }

  private static Process java(String main, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx48m", "-Xss512k",
        "-cp", System.getProperty("java.class.path"), main));
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectInput(new File("/dev/null")).start();
  }
}
