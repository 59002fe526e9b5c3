package xyz.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xyz.collect.CellFolderFixture.cell;
import static xyz.collect.CellFolderFixture.params;
import static xyz.collect.CellFolderFixture.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.UserError;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.Study;

class CollectorTest {
  @TempDir Path results;

  /** Methods x datasets x a control of the tree method only x seeds, with two observables. */
  private static Study demo() {
    return study(List.of(
        new Axis("method", AxisRole.METHOD, List.of("tree", "knn"), false, List.of()),
        new Axis("dataset", AxisRole.DATASET, List.of("iris"), false, List.of()),
        new Axis("depth", AxisRole.CONTROL, List.of(2L, 4L), false, List.of("tree")),
        new Axis("noise", AxisRole.CONTROL, List.of(0.0, 0.1 * 3), false, List.of()),
        new Axis("scaled", AxisRole.CONTROL, List.of(true, false), false, List.of()),
        new Axis("seed", AxisRole.CONTROL, List.of(1L, 2L), true, List.of())),
        List.of("train_loss", "test_acc", "never_reported"));
  }

  private void demoCells() throws IOException {
    cell(results, "c0000000000000001", 0,
        params("method", "tree", "dataset", "iris", "depth", 2, "noise", 0.0, "scaled", true,
            "seed", 1), "done",
        "{\"step\": 1, \"train_loss\": 0.93}\n"
            + "{\"step\": 2, \"train_loss\": 0.51, \"extra\": 7}\n"
            + "{\"test_acc\": 0.80}\n");
    cell(results, "c0000000000000002", 1,
        params("method", "knn", "dataset", "iris", "noise", 0.30000000000000004,
            "scaled", false, "seed", 2), "failed",
        "{\"step\": 1, \"train_loss\": 0.7, \"test_acc\": 0.5}\n"
            + "{\"step\": 2, \"test_acc\": \"nan\"}\n"
            + "{\"step\": 3, \"train_loss\": 0.6}\n");
  }

  @Test
  void cellsHasTheColumnsOfTheLayoutInOrderAndTyped() throws Exception {
    demoCells();
    Collector.collect(demo(), results);
    List<String> columns = query("SELECT column_name || ' ' || data_type FROM"
        + " information_schema.columns WHERE table_name = 'cells' ORDER BY ordinal_position");
    assertThat(columns).containsExactly(
        "cell_id VARCHAR", "cell_index INTEGER",
        "method VARCHAR", "dataset VARCHAR", "depth BIGINT", "noise DOUBLE", "scaled BOOLEAN",
        "seed BIGINT",
        "train_loss DOUBLE", "test_acc DOUBLE", "never_reported DOUBLE", "extra DOUBLE",
        "state VARCHAR", "exit_code INTEGER", "signal INTEGER", "attempt INTEGER",
        "started TIMESTAMP WITH TIME ZONE", "ended TIMESTAMP WITH TIME ZONE", "seconds DOUBLE",
        "host VARCHAR", "user VARCHAR", "git_commit VARCHAR", "git_dirty BOOLEAN",
        "jvm VARCHAR", "os VARCHAR", "cpus INTEGER", "command_line VARCHAR", "error VARCHAR",
        "bad_observation_lines INTEGER", "observation_rows INTEGER", "missing_steps INTEGER",
        "decreasing_steps INTEGER");
    assertThat(query("SELECT column_name || ' ' || data_type FROM information_schema.columns"
        + " WHERE table_name = 'observations' ORDER BY ordinal_position"))
        .containsExactly("cell_id VARCHAR", "seq INTEGER", "step BIGINT", "observable VARCHAR",
            "value DOUBLE");
    assertThat(query("SELECT table_name FROM information_schema.tables ORDER BY 1"))
        .containsExactly("axes", "cells", "observations");
  }

  @Test
  void cellsHoldsParametersFinalValuesStatusAndProvenance() throws Exception {
    demoCells();
    CollectReport report = Collector.collect(demo(), results);
    assertThat(query("SELECT concat_ws(' ', cell_id, cell_index, method, dataset,"
        + " coalesce(depth::VARCHAR, 'NULL'), noise, scaled, seed, train_loss,"
        + " coalesce(test_acc::VARCHAR, 'NULL'), coalesce(never_reported::VARCHAR, 'NULL'),"
        + " coalesce(extra::VARCHAR, 'NULL'), state, exit_code, attempt, started, seconds,"
        + " host, \"user\", git_commit, git_dirty, cpus, coalesce(error, 'NULL'),"
        + " bad_observation_lines) FROM cells ORDER BY cell_index"))
        .containsExactly(
            "c0000000000000001 0 tree iris 2 0.0 true 1 0.51 0.8 NULL 7.0 done 0 1"
                + " 2026-12-03 19:10:00.123+00 1.333 node1 ana 3f2a9c false 2 NULL 0",
            "c0000000000000002 1 knn iris NULL 0.3 false 2 0.6 nan NULL NULL failed 1 1"
                + " 2026-12-03 19:10:00.123+00 1.333 node1 ana 3f2a9c false 2 exit code 1 0");
    assertThat(report.cellsByState()).containsExactly(
        java.util.Map.entry("done", 1), java.util.Map.entry("failed", 1));
    assertThat(report.observationRows()).isEqualTo(8);
    assertThat(report.warnings()).containsExactly(
        "the cells report an observable the study does not declare: extra; they are collected,"
            + " but add them to `observables:` (or fix the experiment's spelling)",
        "no cell reported the declared observable never_reported; their columns are empty");
  }

  @Test
  void observationsHoldEveryValueInCellAndLineOrder() throws Exception {
    demoCells();
    Collector.collect(demo(), results);
    assertThat(query("SELECT concat_ws(' ', cell_id, seq, coalesce(step::VARCHAR, 'NULL'),"
        + " observable, value) FROM observations"))
        .containsExactly(
            "c0000000000000001 1 1 train_loss 0.93",
            "c0000000000000001 2 2 train_loss 0.51",
            "c0000000000000001 2 2 extra 7.0",
            "c0000000000000001 3 NULL test_acc 0.8",
            "c0000000000000002 1 1 train_loss 0.7",
            "c0000000000000002 1 1 test_acc 0.5",
            "c0000000000000002 2 2 test_acc nan",
            "c0000000000000002 3 3 train_loss 0.6");
    assertThat(Files.readString(results.resolve("observations.csv"))).isEqualTo(
        "cell_id,seq,step,observable,value\n"
            + "c0000000000000001,1,1,train_loss,0.93\n"
            + "c0000000000000001,2,2,train_loss,0.51\n"
            + "c0000000000000001,2,2,extra,7.0\n"
            + "c0000000000000001,3,,test_acc,0.8\n"
            + "c0000000000000002,1,1,train_loss,0.7\n"
            + "c0000000000000002,1,1,test_acc,0.5\n"
            + "c0000000000000002,2,2,test_acc,nan\n"
            + "c0000000000000002,3,3,train_loss,0.6\n");
  }

  @Test
  void cellsCsvIsTheCellsTableWithAHeader() throws Exception {
    demoCells();
    Collector.collect(demo(), results);
    List<String> lines = Files.readAllLines(results.resolve("cells.csv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("cell_id,cell_index,method,dataset,depth,noise,scaled,"
        + "seed,train_loss,test_acc,never_reported,extra,state,exit_code,signal,attempt,started,"
        + "ended,seconds,host,user,git_commit,git_dirty,jvm,os,cpus,command_line,error,"
        + "bad_observation_lines,observation_rows,missing_steps,decreasing_steps");
    assertThat(lines.get(2)).isEqualTo("c0000000000000002,1,knn,iris,,0.3,false,2,0.6,nan,,,"
        + "failed,1,,1,2026-12-03 19:10:00.123+00,2026-12-03 19:10:01.456+00,1.333,node1,ana,"
        + "3f2a9c,false,17.0.15 (Eclipse Adoptium),Linux 6.1 amd64,2,"
        + "python3 train.py --lr 0.01,exit code 1,0,4,0,0");
  }

  @Test
  void axesListsEveryLevelInDeclarationOrder() throws Exception {
    demoCells();
    Collector.collect(demo(), results);
    assertThat(query("SELECT concat_ws(' ', axis, role, position, level_index, label,"
        + " coalesce(value::VARCHAR, 'NULL'), replicate) FROM axes"))
        .containsExactly(
            "method method 0 0 tree NULL false", "method method 0 1 knn NULL false",
            "dataset dataset 1 0 iris NULL false",
            "depth control 2 0 2 2.0 false", "depth control 2 1 4 4.0 false",
            "noise control 3 0 0 0.0 false", "noise control 3 1 0.3 0.3 false",
            "scaled control 4 0 true NULL false", "scaled control 4 1 false NULL false",
            "seed control 5 0 1 1.0 true", "seed control 5 1 2 2.0 true");
  }

  @Test
  void badLinesAreCountedAndReportedAndTheGoodRowsKept() throws Exception {
    byte[] garbage = {(byte) 0xFF, 0, (byte) 0x80, '\n'};
    String big = "{\"pad\": \"" + "x".repeat(1_100_000) + "\"}\n";
    Path dir = cell(results, "c00000000000000aa", 0, params("method", "tree"), "done", null);
    try (var out = Files.newOutputStream(dir.resolve("observations.jsonl"))) {
      out.write("{\"step\": 1, \"loss\": 1.5}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"step\": 2, \"loss\": 1.0\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"step\": 3, \"loss\": \"inf\"}\n".getBytes(StandardCharsets.UTF_8));
      out.write(garbage);
      out.write(big.getBytes(StandardCharsets.UTF_8));
      out.write("{\"step\": 2.5, \"loss\": 0.1}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"step\": 7, \"loss\": \"-inf\", \"acc\": \"NaN\"}\n"
          .getBytes(StandardCharsets.UTF_8));
    }
    cell(results, "c00000000000000bb", 1, params("method", "knn"), "done",
        "{\"loss\": 2}\n");
    Study s = study(List.of(new Axis("method", AxisRole.METHOD, List.of("tree", "knn"), false,
        List.of())), List.of("loss"));
    CollectReport report = Collector.collect(s, results);

    assertThat(report.badLines()).containsOnlyKeys("c00000000000000aa");
    BadLines bad = report.badLines().get("c00000000000000aa");
    assertThat(bad.count()).isEqualTo(4);
    assertThat(bad.reasons()).hasSize(4);
    assertThat(bad.reasons().get(0)).startsWith("line 2: not JSON: Unexpected end-of-input");
    assertThat(bad.reasons().get(1)).startsWith("line 4: not JSON");
    assertThat(bad.reasons().get(2)).isEqualTo("line 5: longer than 1 MB");
    assertThat(bad.reasons().get(3)).isEqualTo("line 6: step is 2.5, not an integer");
    assertThat(query("SELECT concat_ws(' ', seq, step, observable, value) FROM observations"
        + " WHERE cell_id = 'c00000000000000aa'"))
        .containsExactly("1 1 loss 1.5", "3 3 loss inf", "7 7 loss -inf", "7 7 acc nan");
    assertThat(query("SELECT concat_ws(' ', cell_id, loss, acc, bad_observation_lines)"
        + " FROM cells"))
        .containsExactly("c00000000000000aa -inf nan 4", "c00000000000000bb 2.0 0");
    assertThat(report.summary()).isEqualTo("collected 2 cells (2 done) and 5 observations into "
        + results.resolve("results.duckdb") + ", cells.csv, observations.csv"
        + System.lineSeparator() + "4 bad observation lines left out, in 1 cell; 1 warning");
  }

  @Test
  void foldersThatAreNotEndedCellsAreSkippedAndReported() throws Exception {
    demoCells();
    Path cells = results.resolve("cells");
    Path noStatus = Files.createDirectories(cells.resolve("c00000000000000ff"));
    Files.writeString(noStatus.resolve("observations.jsonl"), "{\"train_loss\": 9}\n");
    Path broken = Files.createDirectories(cells.resolve("c00000000000000ee"));
    Files.writeString(broken.resolve("status.json"), "{\"state\": \"done\", ");
    Path stateless = Files.createDirectories(cells.resolve("c00000000000000dd"));
    Files.writeString(stateless.resolve("status.json"), "{\"exit_code\": 0}");
    Files.createDirectories(cells.resolve(".c00000000000000cc.moving"));
    Files.createDirectories(results.resolve("work").resolve("c00000000000000bb"));
    Files.writeString(cells.resolve("notes.txt"), "not a cell");

    CollectReport report = Collector.collect(demo(), results);

    assertThat(report.cells()).isEqualTo(2);
    assertThat(query("SELECT cell_id FROM cells"))
        .containsExactly("c0000000000000001", "c0000000000000002");
    assertThat(report.warnings()).containsExactly(
        "cells/c00000000000000dd skipped: its status.json has no \"state\" (done, failed,"
            + " timeout or interrupted)",
        "cells/c00000000000000ee skipped: its status.json is not valid JSON at line 1, column 19"
            + " (Unexpected end-of-input within/between Object entries)",
        "cells/c00000000000000ff skipped: it has no status.json, so the cell has not ended",
        "the cells report an observable the study does not declare: extra; they are collected,"
            + " but add them to `observables:` (or fix the experiment's spelling)",
        "no cell reported the declared observable never_reported; their columns are empty");
  }

  @Test
  void parametersOfAnOlderStudyAreLeftOutWithOneWarning() throws Exception {
    for (int i = 0; i < 3; i++) {
      cell(results, "c000000000000000" + i, i, params("method", "tree", "momentum", 0.9,
          "decay", i), "done", "{\"loss\": 1}\n");
    }
    Study s = study(List.of(new Axis("method", AxisRole.METHOD, List.of("tree"), false,
        List.of())), List.of("loss"));
    CollectReport report = Collector.collect(s, results);
    assertThat(report.warnings()).containsExactly("3 cells have parameters the study does not"
        + " declare (decay, momentum), probably from an older version of the study: only the"
        + " study's axes are collected");
    assertThat(query("SELECT column_name FROM information_schema.columns WHERE table_name ="
        + " 'cells' AND ordinal_position <= 4 ORDER BY ordinal_position"))
        .containsExactly("cell_id", "cell_index", "method", "loss");
  }

  @Test
  void aParameterThatDoesNotFitItsColumnIsNullWithAWarning() throws Exception {
    cell(results, "c0000000000000001", 0, params("lr", "fast"), "done", null);
    cell(results, "c0000000000000002", 1, params("lr", "slow"), "done", null);
    cell(results, "c0000000000000003", 2, params("lr", 0.25), "done", null);
    Study s = study(List.of(new Axis("lr", AxisRole.CONTROL, List.of(0.25, 0.5), false,
        List.of())), List.of());
    CollectReport report = Collector.collect(s, results);
    assertThat(query("SELECT coalesce(lr::VARCHAR, 'NULL') FROM cells"))
        .containsExactly("NULL", "NULL", "0.25");
    assertThat(report.warnings()).singleElement().asString().matches(
        "cells/c000000000000000[12]/params.json: lr is \"(fast|slow)\", not a number like the"
            + " study's levels of lr; written as NULL \\(and 1 more like it\\)");
  }

  @Test
  void theCsvFilesAreTheSameBytesUnderAGermanLocale() throws Exception {
    Path other = results.resolveSibling(results.getFileName() + "-de");
    demoCells();
    Collector.collect(demo(), results);
    Files.createDirectories(other);
    copyTree(results.resolve("cells"), other.resolve("cells"));
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      CollectReport report = Collector.collect(demo(), other);
      assertThat(report.summary()).startsWith("collected 2 cells (1 done, 1 failed) and 8");
    } finally {
      Locale.setDefault(saved);
    }
    for (String csv : List.of("cells.csv", "observations.csv")) {
      assertThat(Files.readAllBytes(other.resolve(csv)))
          .isEqualTo(Files.readAllBytes(results.resolve(csv)));
    }
    assertThat(Files.readString(results.resolve("cells.csv"))).contains(",0.51,0.8,");
  }

  @Test
  void cellIdsStayTextInTheCsv() throws Exception {
    cell(results, "c0411451157589053", 0, params("p", 1), "done", "{\"v\": 1.5}\n");
    cell(results, "c1000000000000000", 1, params("p", 2), "done", "{\"v\": 2.5}\n");
    Study s = study(List.of(new Axis("p", AxisRole.CONTROL, List.of(1L, 2L), false,
        List.of())), List.of("v"));
    Collector.collect(s, results);
    List<String> lines = Files.readAllLines(results.resolve("cells.csv"));
    assertThat(lines.get(1)).startsWith("c0411451157589053,0,1,1.5,done,");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (String csv : List.of("cells.csv", "observations.csv")) {
        String path = results.resolve(csv).toString().replace("'", "''");
        try (ResultSet r = st.executeQuery("SELECT column_type FROM (DESCRIBE SELECT * FROM"
            + " read_csv('" + path + "')) WHERE column_name = 'cell_id'")) {
          assertThat(r.next()).isTrue();
          assertThat(r.getString(1)).isEqualTo("VARCHAR");
        }
      }
    }
  }

  @Test
  void collectingAgainReplacesTheOldFilesWhileAReaderHoldsThem() throws Exception {
    demoCells();
    Collector.collect(demo(), results);
    Path database = results.resolve("results.duckdb");
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection old = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly);
        Statement st = old.createStatement()) {
      deleteTree(results.resolve("cells").resolve("c0000000000000001"));
      cell(results, "c0000000000000003", 2, params("method", "knn", "seed", 1), "done",
          "{\"test_acc\": 0.9}\n");

      CollectReport report = Collector.collect(demo(), results);

      assertThat(report.cells()).isEqualTo(2);
      try (ResultSet r = st.executeQuery("SELECT count(*) FROM cells WHERE cell_id ="
          + " 'c0000000000000001'")) {
        r.next();
        assertThat(r.getInt(1)).as("the reader keeps the file it opened").isEqualTo(1);
      }
    }
    assertThat(query("SELECT cell_id FROM cells"))
        .containsExactly("c0000000000000002", "c0000000000000003");
    assertThat(query("SELECT DISTINCT cell_id FROM observations ORDER BY 1"))
        .containsExactly("c0000000000000002", "c0000000000000003");
    assertThat(Files.readString(results.resolve("cells.csv")))
        .doesNotContain("c0000000000000001").contains("c0000000000000003");
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("cells", "cells.csv", "observations.csv", "results.duckdb");
    }
  }

  @Test
  void temporaryFilesOfACollectThatDiedAreRemovedAndThoseOfARunningOneKept() throws Exception {
    demoCells();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String dead = Long.toHexString(gone.pid());
    String alive = Long.toHexString(ProcessHandle.current().pid());
    Files.writeString(results.resolve(".results.duckdb." + dead + "-1f.tmp"), "half");
    Files.writeString(results.resolve(".results.duckdb." + dead + "-1f.tmp.wal"), "log");
    Files.createDirectories(results.resolve(".observations.csv." + dead + "-2e.tmp"));
    Files.writeString(results.resolve(".cells.csv." + alive + "-3d.tmp"), "in progress");
    Collector.collect(demo(), results);
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
          ".cells.csv." + alive + "-3d.tmp", "cells", "cells.csv", "observations.csv",
          "results.duckdb");
    }
  }

  @Test
  void aTargetThatCannotBeReplacedIsAClearErrorAndTheOldFilesStay() throws Exception {
    demoCells();
    Files.createDirectories(results.resolve("results.duckdb").resolve("in-the-way"));
    assertThatThrownBy(() -> Collector.collect(demo(), results))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("cannot write " + results.resolve("results.duckdb")
            + ": it is a folder");
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("cells", "results.duckdb");
    }
  }

  @Test
  void anEmptyCellsFolderGivesEmptyTablesWithTheirColumns() throws Exception {
    Files.createDirectories(results.resolve("cells"));
    CollectReport report = Collector.collect(demo(), results);
    assertThat(report.cells()).isZero();
    assertThat(report.summary()).isEqualTo("collected 0 cells and 0 observations into "
        + results.resolve("results.duckdb") + ", cells.csv, observations.csv");
    assertThat(Files.readString(results.resolve("observations.csv")))
        .isEqualTo("cell_id,seq,step,observable,value\n");
    assertThat(Files.readString(results.resolve("cells.csv")))
        .startsWith("cell_id,cell_index,method,dataset,depth,noise,scaled,seed,train_loss,"
            + "test_acc,never_reported,state,");
  }

  @Test
  void noCellsFolderIsAUserError() {
    assertThatThrownBy(() -> Collector.collect(demo(), results.resolve("elsewhere")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("nothing to collect: " + results.resolve("elsewhere")
            .resolve("cells") + " does not exist");
  }

  @Test
  void cellsAreInPlanOrderWhateverTheirFolderNames() throws Exception {
    String[] ids = {"cffff000000000000", "c0000000000000000", "c8000000000000000"};
    for (int i = 0; i < ids.length; i++) {
      cell(results, ids[i], i, params("p", i), "done", "{\"v\": " + i + "}\n");
    }
    Study s = study(List.of(new Axis("p", AxisRole.CONTROL, List.of(0L, 1L, 2L), false,
        List.of())), List.of("v"));
    Collector.collect(s, results);
    assertThat(query("SELECT cell_id FROM cells")).containsExactly(ids);
    assertThat(query("SELECT cell_id FROM observations")).containsExactly(ids);
  }

  @Test
  void anObservableNamedLikeAnotherColumnGetsASuffix() throws Exception {
    cell(results, "c0000000000000001", 0, params("p", 1), "done",
        "{\"state\": 1, \"P\": 2, \"q\": 3}\n");
    Study s = study(List.of(new Axis("p", AxisRole.CONTROL, List.of(1L), false, List.of())),
        List.of("q"));
    CollectReport report = Collector.collect(s, results);
    assertThat(query("SELECT column_name FROM information_schema.columns WHERE table_name ="
        + " 'cells' AND ordinal_position BETWEEN 3 AND 6 ORDER BY ordinal_position"))
        .containsExactly("p", "q", "state_2", "P_2");
    assertThat(report.warnings()).containsExactly(
        "the cells report observables the study does not declare: state, P; they are collected,"
            + " but add them to `observables:` (or fix the experiment's spelling)",
        "the observable state has the name of another column of cells: its column is called"
            + " state_2",
        "the observable P has the name of another column of cells: its column is called P_2");
    assertThat(query("SELECT observable FROM observations"))
        .containsExactly("state", "P", "q");
  }

  private List<String> query(String sql) throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(
            "jdbc:duckdb:" + results.resolve("results.duckdb"), readOnly);
        Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
