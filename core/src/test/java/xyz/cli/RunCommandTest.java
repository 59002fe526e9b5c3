package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xyz run} end to end on command experiments: resume, reruns, collect and figures. */
class RunCommandTest {
  @TempDir Path tmp;

  /** A study of 2 x 2 x 3 cells; the cell with method=b, dataset=y, k=3 fails. */
  private static final String STUDY = """
      study: tiny
      methods: [a, b]
      datasets: [x, y]
      controls:
        k: [1, 2, 3]
      observables: [score]
      experiment:
        command: [sh, -c, 'if [ "$0$1$2" = by3 ]; then echo boom >&2; exit 4; fi;
          echo "{\\"step\\": 1, \\"score\\": $2}" > "$XYZ_OBSERVATIONS";
          echo "{\\"step\\": 2, \\"score\\": $(($2 * 10))}" >> "$XYZ_OBSERVATIONS"',
          "{method}", "{dataset}", "{k}"]
      figures:
        - name: score
          rows: method
          cols: dataset
          x: k
          y: score
          band: none
      """;

  private Map<String, String> states(Path results) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = readOnly(results.resolve("results.duckdb"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT method, dataset, k, state FROM cells")) {
      while (r.next()) {
        out.put(r.getString(1) + r.getString(2) + r.getLong(3), r.getString(4));
      }
    }
    return out;
  }

  private static Connection readOnly(Path db) throws Exception {
    return ResultsDb.open(db.getParent());
  }

  @Test
  void runCollectsPlotsAndASecondRunDoesNothing() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Path results = tmp.resolve("s/results");

    Cli first = Cli.run("run", study.toString(), "--workers", "2");

    assertThat(first.code).as(first.toString()).isEqualTo(1);
    assertThat(first.out).contains("running 12 of 12 cells of tiny with 2 workers");
    assertThat(first.out).contains("ran 12 cells in").contains("11 done, 1 failed");
    assertThat(first.err).contains("FAILED")
        .contains("(method=b dataset=y k=3), attempt 1 of 1: exit code 4").contains("    | boom");
    assertThat(results.resolve("cells.csv")).exists();
    assertThat(results.resolve("observations.csv")).exists();
    assertThat(results.resolve("figures/score.png")).exists();
    assertThat(results.resolve("figures/score.svg")).exists();
    Map<String, String> states = states(results);
    assertThat(states).hasSize(12).containsEntry("by3", "failed").containsEntry("ax1", "done");

    FileTime before = Files.getLastModifiedTime(results.resolve("results.duckdb"));
    Cli second = Cli.run("run", study.toString());

    assertThat(second.out).contains("all 12 cells of tiny have ended (1 not done); nothing to run")
        .contains("up to date");
    assertThat(Files.getLastModifiedTime(results.resolve("results.duckdb"))).isEqualTo(before);
  }

  @Test
  void provenanceNamesTheCommitTheDirtyFlagAndTheCommandOfEachCell() throws Exception {
    Path dir = tmp.resolve("s");
    Path study = Cli.study(dir, STUDY);
    git(dir, "init", "-q");
    git(dir, "add", "study.yaml");
    git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "study");
    String head = git(dir, "rev-parse", "HEAD");

    Cli.run("run", study.toString(), "--no-plot");

    Map<String, String> clean = provenance(dir.resolve("results"));
    assertThat(clean).containsEntry("git_commit", head).containsEntry("git_dirty", "false")
        .containsEntry("xyz_command", "sh -c 'if [ \"$0$1$2\" = by3 ]; then echo boom >&2; exit 4;"
            + " fi; echo \"{\\\"step\\\": 1, \\\"score\\\": $2}\" > \"$XYZ_OBSERVATIONS\";"
            + " echo \"{\\\"step\\\": 2, \\\"score\\\": $(($2 * 10))}\" >> \"$XYZ_OBSERVATIONS\"'"
            + " a x 1");

    Files.writeString(study, Files.readString(study) + "# a change\n");
    Cli.run("run", study.toString(), "--rerun", "all", "--no-plot");

    assertThat(provenance(dir.resolve("results"))).containsEntry("git_dirty", "true");
  }

  private Map<String, String> provenance(Path results) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = readOnly(results.resolve("results.duckdb"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT git_commit, git_dirty, command_line, cpus FROM cells"
            + " WHERE method = 'a' AND dataset = 'x' AND k = 1")) {
      r.next();
      out.put("git_commit", r.getString(1));
      out.put("git_dirty", r.getString(2));
      out.put("xyz_command", r.getString(3));
      out.put("cpus", r.getString(4));
    }
    return out;
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void aMissingCellIsRunAloneAndRerunFailedRunsTheFailedOne() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Path results = tmp.resolve("s/results");
    Cli.run("run", study.toString(), "--no-plot");
    List<Path> cells = new ArrayList<>();
    try (var dirs = Files.list(results.resolve("cells"))) {
      dirs.sorted().forEach(cells::add);
    }
    Path gone = cells.get(0);
    xyz.store.ResultsFolder.deleteTree(gone);

    Cli resume = Cli.run("run", study.toString(), "--no-plot");

    assertThat(resume.out).contains("running 1 of 12 cells").contains("(11 already ended)");
    assertThat(gone.resolve("status.json")).exists();

    Cli failed = Cli.run("run", study.toString(), "--rerun", "failed", "--no-plot");
    assertThat(failed.out).contains("running 1 of 12 cells");
    assertThat(failed.err).contains("method=b dataset=y k=3");

    Cli all = Cli.run("run", study.toString(), "--rerun", "all", "--no-plot");
    assertThat(all.out).contains("running 12 of 12 cells");
  }

  @Test
  void aSecondRunOnTheSameResultsIsRefusedWhileTheFirstHoldsThem() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Path results = tmp.resolve("s/results");

    try (RunLock held = RunLock.take(results)) {
      Cli r = Cli.run("run", study.toString());

      assertThat(r.code).isEqualTo(2);
      assertThat(r.err).isEqualTo("xyz: " + results + ": another xyz run (pid "
          + ProcessHandle.current().pid() + ") is running this study's cells\n"
          + "  fix: wait for it to end, or stop it (Ctrl-C); then run again, and only the cells"
          + " it left are run\n");
    }
    assertThat(Cli.run("run", study.toString(), "--no-plot").code).isEqualTo(1);
  }

  @Test
  void aProgramThatIsNotOnThePathIsRefusedBeforeAnyCellRuns() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY.replace("command: [sh, -c,",
        "command: [no-such-program-xyz, -c,"));

    for (String command : List.of("plan", "run")) {
      Cli r = Cli.run(command, study.toString());

      assertThat(r.code).as(command).isEqualTo(2);
      assertThat(r.err).as(command).isEqualTo("xyz: " + study + ": experiment.command: program"
          + " 'no-such-program-xyz' is not on the PATH\n"
          + "  fix: install it, or give its full path\n");
    }
    assertThat(tmp.resolve("s/results/cells")).doesNotExist();
  }

  @Test
  void aBadRerunChoiceListsTheChoices() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);

    Cli r = Cli.run("run", study.toString(), "--rerun", "faild");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("xyz: --rerun: 'faild' is not one of the choices\n"
        + "  valid: failed, all\n  did you mean 'failed'?\n  fix: --rerun failed\n");
  }

  @Test
  void aFigureWithNothingToDrawWarnsButTheRunSucceeds() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY.replace("observables: [score]",
        "observables: [score, never]").replace("y: score\n", "y: never\n")
        .replace("exit 4", "exit 0"));

    Cli r = Cli.run("run", study.toString());

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("xyz: WARNING: figure score was not drawn: ");
  }

  @Test
  void afterALevelIsRemovedCollectHoldsOnlyThePlannedCellsAndSaysSo() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Cli.run("run", study.toString(), "--no-plot");
    Cli.study(tmp.resolve("s"), STUDY.replace("k: [1, 2, 3]", "k: [3, 1]"));

    Cli r = Cli.run("collect", study.toString());

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("collected 8 cells (7 done, 1 failed)")
        .contains("xyz: WARNING: 4 cell folders are not in the study's plan (a level was removed,"
            + " or the experiment's version changed): left out of the database and the CSVs;");
    try (Connection c = readOnly(tmp.resolve("s/results/results.duckdb"));
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT string_agg(method || dataset || k, ' '"
            + " ORDER BY cell_index), count(DISTINCT cell_index) FROM cells")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("ax3 ax1 ay3 ay1 bx3 bx1 by3 by1");
      assertThat(rows.getInt(2)).isEqualTo(8);
    }
  }

  @Test
  void collectWarnsOfObservablesReportedButNotDeclaredAndDeclaredButNeverReported()
      throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY.replace("observables: [score]",
        "observables: [scor]").replace("y: score\n", "y: scor\n"));

    Cli r = Cli.run("run", study.toString(), "--no-plot");

    assertThat(r.out).contains("xyz: WARNING: the cells report an observable the study does not"
        + " declare: score; they are collected, but add them to `observables:` (or fix the"
        + " experiment's spelling)\n")
        .contains("xyz: WARNING: no cell reported the declared observable scor; its columns are"
            .replace("its columns", "their columns"));
  }

  @Test
  void aBadWorkerCountIsAUserError() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);

    Cli r = Cli.run("run", study.toString(), "--workers", "0");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo(
        "xyz: --workers: 0 is not a worker count\n  fix: give 1 or more, such as --workers "
            + Runtime.getRuntime().availableProcessors() + "\n");
  }

  @Test
  void planWritesTheWholePlanAsJsonWithoutRunningAnything() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Path json = tmp.resolve("out/plan.json");

    Cli r = Cli.run("plan", study.toString(), "--json", json.toString());

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).endsWith("plan: 12 cells written to " + json + "\n");
    var plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    List<String> ids = new ArrayList<>();
    plan.get("cells").forEach(c -> ids.add(c.get("id").asText()));
    assertThat(ids).isEqualTo(xyz.plan.Planner.plan(xyz.study.StudyReader.read(study)).ids());
    assertThat(plan.get("cells").get(11).get("params").toString())
        .isEqualTo("{\"method\":\"b\",\"dataset\":\"y\",\"k\":3}");
    assertThat(tmp.resolve("s/results")).doesNotExist();

    Cli piped = Cli.run("plan", study.toString(), "--json", "-");
    assertThat(piped.code).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(piped.out))
        .isEqualTo(plan);

    Path link = Files.createSymbolicLink(tmp.resolve("link.json"), json);
    Cli linked = Cli.run("plan", study.toString(), "--json", link.toString());
    assertThat(linked.code).isEqualTo(2);
    assertThat(linked.err).startsWith("xyz: --json " + link + ": is not a plain file");
    assertThat(Files.isSymbolicLink(link)).isTrue();

    Cli folder = Cli.run("plan", study.toString(), "--json", tmp.toString());
    assertThat(folder.code).isEqualTo(2);
    assertThat(folder.err).isEqualTo("xyz: --json " + tmp + ": is a folder\n  fix: name a file,"
        + " such as " + tmp.resolve("plan.json") + "\n");
  }

  @Test
  void aMissingStudyFileIsAUserError() {
    Cli r = Cli.run("plan", tmp.resolve("nope.yaml").toString());

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("xyz: " + tmp.resolve("nope.yaml")
        + ": no such study file\n  fix: give the path of a study YAML file, such as "
        + "examples/label-noise/study.yaml\n");
  }

  @Test
  void anUnknownCommandSuggestsTheNearest() {
    Cli r = Cli.run("plna");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("xyz: unknown command 'plna'\n"
        + "  valid: plan, run, status, cancel, collect, plot, help\n"
        + "  did you mean 'plan'?\n  fix: see `xyz --help`\n");
  }

  @Test
  void anUnknownOptionSuggestsTheNearest() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);

    Cli r = Cli.run("run", study.toString(), "--worker", "2");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).startsWith("xyz run: unknown option '--worker'\n  valid: ")
        .contains("did you mean '--workers'?");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("plan", "run", "status", "collect", "plot")) {
      Cli r = Cli.run(command, "--help");
      assertThat(r.code).as(command).isZero();
      assertThat(r.out).as(command).contains("Usage: xyz " + command);
    }
  }

  @Test
  void plotWithABadBandListsTheChoices() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Cli.run("run", study.toString(), "--no-plot");

    Cli r = Cli.run("plot", study.toString(), "--x", "k", "--y", "score", "--band", "c95");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("xyz: --band: 'c95' is not one of the choices\n"
        + "  valid: none, sd, se, ci95\n  did you mean 'ci95'?\n  fix: --band ci95\n");
  }

  @Test
  void aFileWhereTheResultsFolderShouldBeIsAUserErrorAndStatusWaitOnNothingFails()
      throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Path file = Files.writeString(tmp.resolve("page.html"), "<html>");

    Cli r = Cli.run("run", study.toString(), "--results", file.toString());
    Cli wait = Cli.run("status", study.toString(), "--wait");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("xyz: --results " + file + ": is a file, not a folder\n"
        + "  fix: name a folder for the results (it is made when missing), such as "
        + tmp.resolve("results") + "\n");
    assertThat(Files.readString(file)).isEqualTo("<html>");
    assertThat(wait.code).as("nothing ran, so not every cell is done").isEqualTo(1);
    assertThat(wait.out).contains("not run      12");
  }

  @Test
  void aPlotFlagThatNamesNoAxisIsTheFlagsError() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Cli.run("run", study.toString(), "--no-plot");

    Cli r = Cli.run("plot", study.toString(), "--x", "kk", "--y", "score");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).isEqualTo("xyz: --x: 'kk' is not one of the choices\n"
        + "  valid: method, dataset, k, step\n  did you mean 'k'?\n  fix: --x k\n");
  }

  @Test
  void aPlotFilterFindsANumberWrittenAnotherWay() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Cli.run("run", study.toString(), "--no-plot");

    Cli two = Cli.run("plot", study.toString(), "--x", "k", "--y", "score", "--filter",
        "k=2.0,3", "--name", "two");
    Cli none = Cli.run("plot", study.toString(), "--x", "k", "--y", "score", "--filter",
        "k=2.5");

    assertThat(two.code).as(two.toString()).isZero();
    assertThat(tmp.resolve("s/results/figures/two.png")).isNotEmptyFile();
    assertThat(none.code).isEqualTo(2);
    assertThat(none.err).contains("'2.5'");
  }

  @Test
  void statusCountsCellsPerState() throws Exception {
    Path study = Cli.study(tmp.resolve("s"), STUDY);
    Cli.run("run", study.toString(), "--no-collect");

    Cli r = Cli.run("status", study.toString());

    assertThat(r.code).isZero();
    assertThat(r.out).contains("tiny: 12 cells").contains("  done         11\n")
        .contains("  failed       1\n").contains("  not run      0\n")
        .contains("failed      method=b dataset=y k=3: exit code 4");
  }
}
