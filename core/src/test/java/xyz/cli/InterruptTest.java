package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code xyz run} process: nothing finished is lost, and a rerun resumes. */
class InterruptTest {
  @TempDir Path tmp;

  @Test
  void ctrlCMarksRunningCellsInterruptedKeepsDoneOnesAndRunResumes() throws Exception {
    Path slow = tmp.resolve("slow");
    Files.writeString(slow, "");
    Path study = Cli.study(tmp.resolve("s"), """
        study: interrupt
        methods: [m]
        datasets: [d]
        controls:
          k: [1, 2, 3, 4, 5, 6]
        observables: [v]
        experiment:
          command: [sh, -c, 'if [ "$0" -gt 2 ] && [ -f "$1" ]; then sleep 30; fi;
            echo "{\\"v\\": $0}" > "$XYZ_OBSERVATIONS"', "{k}", "%s"]
        """.formatted(slow));
    Path cells = tmp.resolve("s/results/cells");

    Process run = xyz("run", study.toString(), "--workers", "2", "--no-plot");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(cells) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1000);
    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
    boolean ended = run.waitFor(30, TimeUnit.SECONDS);
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(ended).isTrue();
    assertThat(run.exitValue()).as(out).isEqualTo(130);
    assertThat(states(cells)).containsExactlyInAnyOrder(
        "done", "done", "interrupted", "interrupted");
    assertThat(Files.list(tmp.resolve("s/results/work")).toList()).isEmpty();

    Files.delete(slow);
    Cli resume = Cli.run("run", study.toString(), "--no-plot");

    assertThat(resume.code).as(resume.toString()).isZero();
    assertThat(resume.out).contains("running 4 of 6 cells").contains("(2 already ended)");
    assertThat(states(cells)).containsOnly("done").hasSize(6);
  }

  private static Process xyz(String... args) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    argv.add("xyz.cli.Main");
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectInput(new File("/dev/null")).start();
  }

  private static long count(Path cells) throws Exception {
    if (!Files.isDirectory(cells)) {
      return 0;
    }
    try (var s = Files.list(cells)) {
      return s.count();
    }
  }

  private static List<String> states(Path cells) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try (var s = Files.list(cells)) {
      for (Path dir : s.toList()) {
        out.add(json.readTree(dir.resolve("status.json").toFile()).get("state").asText());
      }
    }
    return out;
  }
}
