package xyz.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.Provenance;
import xyz.store.ResultsFolder;
import xyz.study.ExperimentSpec;

class LocalExecutorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final List<String> tails = Collections.synchronizedList(new ArrayList<>());

  private final RunListener recorder =
      new RunListener() {
        @Override
        public void retrying(Cell cell, CellStatus status, String stderrTail) {
          events.add("retry " + cell.id() + " " + status.state().label() + " " + status.attempt());
        }

        @Override
        public void ended(Cell cell, CellStatus status, String stderrTail) {
          events.add("end " + cell.id() + " " + status.state().label() + " " + status.attempt());
          tails.add(stderrTail);
        }
      };

  private ExperimentSpec.Command command(Duration timeout, int retries, String... argv) {
    return new ExperimentSpec.Command(List.of(argv), tmp, Map.of(), timeout, retries, "1");
  }

  private RunSummary run(ExperimentSpec spec, CellRunner runner, List<Cell> cells, StopSignal stop)
      throws InterruptedException {
    ResultsFolder folder = new ResultsFolder(tmp.resolve("results"));
    Provenance prov = Provenance.capture(tmp, spec.identity(), "xyz run study.yaml");
    return new LocalExecutor(folder, 2, prov, recorder)
        .run(spec, runner, cells, cells.size(), stop);
  }

  private static Cell cell(String id, int index, Object... kv) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      params.put((String) kv[i], kv[i + 1]);
    }
    return new Cell(id, index, params);
  }

  private Path cellDir(String id) {
    return tmp.resolve("results/cells").resolve(id);
  }

  private JsonNode status(String id) throws IOException {
    return JSON.readTree(cellDir(id).resolve("status.json").toFile());
  }

  @Test
  void aValueFullOfShellMetacharactersReachesTheCommandUnchanged() throws Exception {
    String nasty = "a b; rm -rf / $(echo hi) `id` 'q' \"d\" | & > < * ? \\ {x} ~ \n end";
    ExperimentSpec.Command spec =
        command(null, 0, "python3", "-c",
            "import json,os,sys; print(json.dumps([sys.argv[1], os.environ['XYZ_PARAM_v'],"
                + " json.load(open(os.environ['XYZ_PARAMS']))['params']['v']]))",
            "{v}");
    Cell c = cell("c0000000000000001", 0, "v", nasty);

    RunSummary s = run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    assertThat(s.count(CellState.DONE)).isEqualTo(1);
    String out = Files.readString(cellDir(c.id()).resolve("stdout.txt"), StandardCharsets.UTF_8);
    List<String> seen = JSON.readValue(out, new TypeReference<List<String>>() {});
    assertThat(seen).containsExactly(nasty, nasty, nasty);
  }

  @Test
  void aCommandCellWritesItsFolderAndObservables() throws Exception {
    ExperimentSpec.Command spec =
        command(null, 0, "sh", "-c",
            "echo \"{\\\"step\\\": 1, \\\"loss\\\": $1}\" > \"$XYZ_OBSERVATIONS\"; echo hello",
            "sh", "{lr}");
    Cell c = cell("c00000000000000aa", 0, "method", "sgd", "lr", 0.001);

    run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    Path dir = cellDir(c.id());
    assertThat(Files.readString(dir.resolve("observations.jsonl")).strip())
        .isEqualTo("{\"step\": 1, \"loss\": 0.001}");
    assertThat(Files.readString(dir.resolve("stdout.txt")).strip()).isEqualTo("hello");
    JsonNode params = JSON.readTree(dir.resolve("params.json").toFile());
    assertThat(params.get("params").get("lr").asDouble()).isEqualTo(0.001);
    assertThat(params.get("cell_id").asText()).isEqualTo(c.id());
    JsonNode st = status(c.id());
    assertThat(st.get("state").asText()).isEqualTo("done");
    assertThat(st.get("exit_code").asInt()).isZero();
    assertThat(st.get("attempt").asInt()).isEqualTo(1);
    JsonNode prov = JSON.readTree(dir.resolve("provenance.json").toFile());
    assertThat(prov.get("cpus").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(prov.get("jvm").asText()).startsWith(System.getProperty("java.version"));
    assertThat(Files.list(tmp.resolve("results/work")).toList()).isEmpty();
  }

  @Test
  void aFailingCellIsReportedWithItsStderrAndTheOthersGoOn() throws Exception {
    ExperimentSpec.Command spec =
        command(null, 0, "sh", "-c",
            "if [ \"$1\" = bad ]; then echo 'line one' >&2; echo 'it broke' >&2; exit 3; fi",
            "sh", "{m}");
    Cell bad = cell("c00000000000000b1", 0, "m", "bad");
    Cell good = cell("c00000000000000b2", 1, "m", "good");

    RunSummary s = run(spec, new CommandRunner(spec, "t"), List.of(bad, good), new StopSignal());

    assertThat(s.count(CellState.DONE)).isEqualTo(1);
    assertThat(s.count(CellState.FAILED)).isEqualTo(1);
    assertThat(s.failed()).containsExactly(bad);
    JsonNode st = status(bad.id());
    assertThat(st.get("state").asText()).isEqualTo("failed");
    assertThat(st.get("exit_code").asInt()).isEqualTo(3);
    assertThat(st.get("error").asText()).isEqualTo("exit code 3");
    assertThat(tails).contains("line one\nit broke");
  }

  @Test
  void aCellKilledBySignalRecordsTheSignal() throws Exception {
    ExperimentSpec.Command spec = command(null, 0, "sh", "-c", "kill -9 $$");
    Cell c = cell("c00000000000000c1", 0);

    run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    JsonNode st = status(c.id());
    assertThat(st.get("state").asText()).isEqualTo("failed");
    assertThat(st.get("signal").asInt()).isEqualTo(9);
    assertThat(st.get("error").asText()).isEqualTo("killed by signal 9");
  }

  @Test
  void aCellThatDiesOfSigintCountsAsInterruptedSoThatRunResumesIt() throws Exception {
    // A terminal's Ctrl-C reaches the cell's program too, often before xyz notices it.
    ExperimentSpec.Command spec = command(null, 0, "sh", "-c", "kill -INT $$; sleep 5");
    Cell c = cell("c00000000000000c2", 0);

    run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    JsonNode st = status(c.id());
    assertThat(st.get("state").asText()).isEqualTo("interrupted");
    assertThat(st.get("signal").asInt()).isEqualTo(2);
  }

  @Test
  void aCommandThatDoesNotExistFailsItsCellWithTheReason() throws Exception {
    ExperimentSpec.Command spec = command(null, 0, "no-such-program-xyz");
    Cell c = cell("c00000000000000d1", 0);

    run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    JsonNode st = status(c.id());
    assertThat(st.get("state").asText()).isEqualTo("failed");
    assertThat(st.get("error").asText())
        .isEqualTo("cannot start 'no-such-program-xyz' in " + tmp
            + ": error=2, No such file or directory");
  }

  @Test
  void aCellPastItsTimeoutIsStoppedAndMarked() throws Exception {
    ExperimentSpec.Command spec = command(Duration.ofMillis(500), 0, "sleep", "30");
    Cell c = cell("c00000000000000e1", 0);
    long start = System.nanoTime();

    RunSummary s = run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(s.count(CellState.TIMEOUT)).isEqualTo(1);
    JsonNode st = status(c.id());
    assertThat(st.get("state").asText()).isEqualTo("timeout");
    assertThat(st.get("error").asText()).isEqualTo("timed out after 500ms");
  }

  @Test
  void aFailedAttemptIsRetriedAndTheCellEndsDone() throws Exception {
    Path counter = tmp.resolve("attempts");
    ExperimentSpec.Command spec =
        command(null, 2, "sh", "-c",
            "echo x >> \"$1\"; [ $(wc -l < \"$1\") -ge 2 ] || { echo flaky >&2; exit 1; }",
            "sh", counter.toString());
    Cell c = cell("c00000000000000f1", 0);

    RunSummary s = run(spec, new CommandRunner(spec, "t"), List.of(c), new StopSignal());

    assertThat(s.count(CellState.DONE)).isEqualTo(1);
    assertThat(events)
        .containsExactly("retry " + c.id() + " failed 1", "end " + c.id() + " done 2");
    assertThat(status(c.id()).get("attempt").asInt()).isEqualTo(2);
  }

  @Test
  void stoppingTheRunMarksRunningCellsInterruptedAndLeavesQueuedOnes() throws Exception {
    ExperimentSpec.Command spec = command(null, 0, "sleep", "30");
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cells.add(cell("c000000000000010" + i, i));
    }
    StopSignal stop = new StopSignal();
    Thread stopper = new Thread(() -> {
      try {
        Thread.sleep(700);
      } catch (InterruptedException e) {
        return;
      }
      stop.stop();
    });
    stopper.start();

    RunSummary s = run(spec, new CommandRunner(spec, "t"), cells, stop);

    assertThat(s.interrupted()).isTrue();
    assertThat(s.count(CellState.INTERRUPTED)).isEqualTo(2);
    assertThat(s.count(CellState.DONE)).isZero();
    assertThat(Files.list(tmp.resolve("results/cells")).count()).isEqualTo(2);
    assertThat(status(cells.get(0).id()).get("state").asText()).isEqualTo("interrupted");
  }

  @Test
  void aJavaExperimentObservesAndFailsWithItsMessage() throws Exception {
    Experiment experiment = ctx -> {
      if (ctx.string("m").equals("bad")) {
        throw new IllegalStateException("no convergence at lr " + ctx.number("lr"));
      }
      for (int step = 1; step <= 3; step++) {
        ctx.observe(step, "loss", 1.0 / step);
      }
      ctx.observe("acc", Double.NaN);
      ctx.out().println("trained");
    };
    ExperimentSpec.JavaClass spec = new ExperimentSpec.JavaClass("T", null, 0, "1");
    Cell good = cell("c0000000000000201", 0, "m", "good", "lr", 0.1);
    Cell bad = cell("c0000000000000202", 1, "m", "bad", "lr", 0.1);

    run(spec, new JavaRunner(experiment), List.of(good, bad), new StopSignal());

    assertThat(Files.readAllLines(cellDir(good.id()).resolve("observations.jsonl")))
        .containsExactly(
            "{\"step\":1,\"loss\":1.0}", "{\"step\":2,\"loss\":0.5}",
            "{\"step\":3,\"loss\":0.3333333333333333}", "{\"acc\":\"nan\"}");
    assertThat(Files.readString(cellDir(good.id()).resolve("stdout.txt"))).isEqualTo("trained\n");
    JsonNode st = status(bad.id());
    assertThat(st.get("state").asText()).isEqualTo("failed");
    assertThat(st.get("error").asText())
        .isEqualTo("java.lang.IllegalStateException: no convergence at lr 0.1");
    assertThat(Files.readString(cellDir(bad.id()).resolve("stderr.txt")))
        .contains("IllegalStateException", "at xyz.run.LocalExecutorTest");
  }

  @Test
  void aJavaExperimentPastItsTimeoutIsCancelled() throws Exception {
    Experiment experiment = ctx -> {
      while (!ctx.cancelled()) {
        Thread.sleep(10);
      }
    };
    ExperimentSpec.JavaClass spec =
        new ExperimentSpec.JavaClass("T", Duration.ofMillis(300), 0, "1");
    Cell c = cell("c0000000000000301", 0);

    run(spec, new JavaRunner(experiment), List.of(c), new StopSignal());

    assertThat(status(c.id()).get("state").asText()).isEqualTo("timeout");
  }
}
