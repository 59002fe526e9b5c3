package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder that cannot be written or fills up, a cell that prints without end, a
 * program that does not exist, one that ignores SIGTERM: each ends with a clear message and
 * bounded use of the disk, and no cell that did not finish is marked done.
 */
class HostileEnvironmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final List<Path> mounts = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    for (Path m : mounts) {
      new ProcessBuilder("umount", "-l", m.toString()).inheritIO().start().waitFor();
    }
    System.clearProperty("xyz.run.outputLimit");
  }

  private static String study(String command, String extra) {
    return """
        study: hostile
        methods: [m]
        datasets: [d]
        controls:
          k: [1, 2]
        observables: [v]
        experiment:
          command: %s
        %s""".formatted(command, extra);
  }

  @Test
  void aCellThatPrintsWithoutEndIsStoppedAtTheLimitAndFailed() throws Exception {
    System.setProperty("xyz.run.outputLimit", Integer.toString(1 << 20));
    Path file = Cli.study(tmp, study("[sh, -c, 'echo \"{\\\"v\\\": 1}\" > \"$XYZ_OBSERVATIONS\";"
        + " exec yes flooding-stdout']", ""));
    Cli cli = Cli.run("run", file.toString(), "--no-plot");

    assertThat(cli.code).as(cli.toString()).isEqualTo(Main.FAILURE);
    for (Path cell : cells(tmp.resolve("results"))) {
      JsonNode status = status(cell);
      assertThat(status.path("state").asText()).isEqualTo("failed");
      assertThat(status.path("error").asText()).isEqualTo("stdout.txt passed 1048576 bytes, so "
          + "the program was stopped (the limit is the system property xyz.run.outputLimit)");
      assertThat(Files.size(cell.resolve("stdout.txt")))
          .isGreaterThan(1 << 20).isLessThan(512L << 20);
      assertThat(Files.readString(cell.resolve("stderr.txt")))
          .endsWith("xyz: stdout.txt passed 1048576 bytes, so the program was stopped (the limit "
              + "is the system property xyz.run.outputLimit)\n");
    }
  }

  @Test
  void aCommandThatDoesNotExistIsRefusedBeforeAnyCellRuns() throws Exception {
    Path file = Cli.study(tmp, study("[no-such-program-xyz, \"{k}\"]", ""));
    Cli cli = Cli.run("run", file.toString(), "--no-plot");

    assertThat(cli.code).as(cli.toString()).isEqualTo(Main.USER_ERROR);
    assertThat(cli.err).isEqualTo("xyz: " + file + ": experiment.command: program"
        + " 'no-such-program-xyz' is not on the PATH\n"
        + "  fix: install it, or give its full path\n");
    assertThat(tmp.resolve("results/cells")).doesNotExist();
  }

  @Test
  void anExperimentThatIgnoresSigtermIsKilledAfterTheGraceTimeAndMarkedTimedOut()
      throws Exception {
    Path file = Cli.study(tmp, study("[sh, -c, 'trap \"\" TERM; echo \"{\\\"v\\\": 1}\" >"
        + " \"$XYZ_OBSERVATIONS\"; while :; do sleep 0.1; done']", """
          timeout: 1s
        executor: {workers: 2}
        """));
    long start = System.nanoTime();
    Cli cli = Cli.run("run", file.toString(), "--no-plot");
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(cli.code).as(cli.toString()).isEqualTo(Main.FAILURE);
    assertThat(seconds).as("1 s timeout, 5 s grace, then SIGKILL").isBetween(5.5, 30.0);
    for (Path cell : cells(tmp.resolve("results"))) {
      JsonNode status = status(cell);
      assertThat(status.path("state").asText()).isEqualTo("timeout");
      assertThat(status.path("signal").asInt()).isEqualTo(9);
      assertThat(status.path("error").asText()).isEqualTo("timed out after 1s");
    }
    assertThat(Files.list(tmp.resolve("results/work")).toList()).isEmpty();
  }

  @Test
  void aReadOnlyResultsFolderIsAClearErrorAndRunsNothing() throws Exception {
    Path results = mount("ro,size=1m");
    Path file = Cli.study(tmp, study("[sh, -c, 'echo ran >> \"$0\"', \"%s\"]"
        .formatted(tmp.resolve("ran.txt")), "results: " + results));
    Cli cli = Cli.run("run", file.toString(), "--no-plot");

    assertThat(cli.code).as(cli.toString()).isNotZero();
    assertThat(cli.err).contains(results.toString()).contains("ead-only file system")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("ran.txt")).doesNotExist();
  }

  @Test
  void everyCommandOnAFolderThatTurnedReadOnlySaysSoWithoutATrace() throws Exception {
    Path results = mount("size=4m");
    Path file = Cli.study(tmp, study("[sh, -c, 'echo \"{\\\"v\\\": 1}\" > \"$XYZ_OBSERVATIONS\"']",
        "results: " + results));
    Cli first = Cli.run("run", file.toString(), "--no-plot");
    assertThat(first.code).as(first.toString()).isZero();
    Process remount = new ProcessBuilder("mount", "-o", "remount,ro", results.toString())
        .redirectErrorStream(true).start();
    assertThat(remount.waitFor()).isZero();

    for (String[] args : List.of(
        new String[] {"run", file.toString()},
        new String[] {"collect", file.toString()},
        new String[] {"plot", file.toString(), "--x", "k", "--y", "v"},
        new String[] {"plan", file.toString(), "--json", results.resolve("p.json").toString()})) {
      Cli cli = Cli.run(args);

      assertThat(cli.code).as(cli.toString()).isEqualTo(Main.FAILURE);
      assertThat(cli.err).as(args[0]).startsWith("xyz: the file system refused: ")
          .contains("ead-only file system").contains("  fix: ")
          .doesNotContain("\tat ").doesNotContain("internal error");
    }
  }

  @Test
  void aFullDiskFailsTheCellsThatCannotWriteAndMarksNoneDone() throws Exception {
    Path results = mount("size=256k");
    Path file = Cli.study(tmp, study("[sh, -c, 'head -c 100000 /dev/zero | tr \"\\\\0\" x"
        + " > \"$XYZ_CELL_DIR/blob\" && echo \"{\\\"v\\\": $0}\" > \"$XYZ_OBSERVATIONS\"',"
        + " \"{k}\"]", "results: " + results).replace("k: [1, 2]", "k: [1, 2, 3, 4, 5, 6]"));
    Cli cli = Cli.run("run", file.toString(), "--no-plot", "--workers", "1");

    assertThat(cli.code).as(cli.toString()).isNotZero();
    assertThat(cli.err + cli.out).contains("No space left on device").doesNotContain("\tat ");
    for (Path cell : cells(results)) {
      JsonNode status = status(cell);
      if (status.path("state").asText().equals("done")) {
        assertThat(Files.size(cell.resolve("blob"))).isEqualTo(100_000);
        assertThat(Files.readString(cell.resolve("observations.jsonl"), StandardCharsets.UTF_8))
            .matches("\\{\"v\": \\d\\}\n");
      }
    }
  }

  /** A tmpfs at a fresh folder, or the test is skipped where mounting is not allowed. */
  private Path mount(String options) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mnt-" + mounts.size()));
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor() == 0, "cannot mount a small tmpfs here (needs root): " + out);
    mounts.add(dir);
    return dir;
  }

  private static List<Path> cells(Path results) throws Exception {
    Path cells = results.resolve("cells");
    if (!Files.isDirectory(cells)) {
      return List.of();
    }
    try (var s = Files.list(cells)) {
      return s.toList();
    }
  }

  private static JsonNode status(Path cell) throws Exception {
    return JSON.readTree(cell.resolve("status.json").toFile());
  }
}
