package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.collect.BadLines;
import xyz.collect.CollectReport;
import xyz.collect.Collector;
import xyz.plan.Cell;
import xyz.plan.Planner;
import xyz.study.Study;
import xyz.study.StudyReader;

/**
 * Real experiments write observables of every bad kind, mixed at random (seeded) with good
 * lines: collect never fails, counts and reports each bad line for its cell, and keeps exactly
 * the good rows.
 */
class BadObservablesTest {
  private static final int CELLS = 40;
  /** How many reasons a cell's report keeps; the count covers them all. */
  private static final int SHOWN_REASONS = 5;

  @TempDir Path tmp;

  /** What one cell's file should give. */
  private record Expected(
      int goodRows, int badLines, List<String> reasons, int missingSteps, int decreasingSteps) {}

  @Test
  void badLinesAreCountedPerCellGoodRowsKeptAndCollectNeverFails() throws Exception {
    String levels = IntStream.range(0, CELLS).mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
    Path data = Files.createDirectories(tmp.resolve("data"));
    Path file = Cli.study(tmp.resolve("s"), """
        study: badobs
        methods: [m]
        datasets: [d]
        controls:
          k: [%s]
        observables: [v]
        experiment:
          command: [sh, -c, 'if [ -f "$1/$0" ]; then cat "$1/$0" > "$XYZ_OBSERVATIONS"; fi',
            "{k}", "%s"]
        """.formatted(levels, data));
    Map<Integer, Expected> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(4);
    for (int k = 0; k < CELLS; k++) {
      expected.put(k, write(data.resolve(Integer.toString(k)), k, random));
    }

    Cli run = Cli.run("run", file.toString(), "--no-plot");
    assertThat(run.code).as(run.toString()).isZero();

    Study study = StudyReader.read(file);
    CollectReport report = Collector.collect(study, study.resultsDir());
    long good = 0;
    long bad = 0;
    for (Cell cell : Planner.plan(study).cells()) {
      int k = ((Number) cell.params().get("k")).intValue();
      Expected e = expected.get(k);
      good += e.goodRows();
      bad += e.badLines();
      BadLines found = report.badLines().get(cell.id());
      if (e.badLines() == 0) {
        assertThat(found).as("bad lines of k=" + k).isNull();
      } else {
        assertThat(found.count()).as("bad lines of k=" + k).isEqualTo(e.badLines());
        assertThat(found.reasons()).as("the first reasons of k=" + k)
            .hasSize(Math.min(SHOWN_REASONS, e.reasons().size()));
        for (int i = 0; i < found.reasons().size(); i++) {
          assertThat(found.reasons().get(i)).as("reason of k=" + k)
              .startsWith(e.reasons().get(i));
        }
      }
    }
    assertThat(report.observationRows()).isEqualTo(good);
    assertThat(report.badLineCount()).isEqualTo(bad).isPositive();
    assertThat(report.summary()).contains(bad + " bad observation lines left out");
    assertThat(Files.readAllLines(study.resultsDir().resolve("observations.csv")))
        .hasSize((int) good + 1);

    Map<String, Integer> kOf = new HashMap<>();
    for (Cell cell : Planner.plan(study).cells()) {
      kOf.put(cell.id(), ((Number) cell.params().get("k")).intValue());
    }
    int back = 0;
    int missing = 0;
    List<String> silent = new ArrayList<>();
    for (List<Object> row : ResultsDb.rows(study.resultsDir(), "SELECT cell_id, observation_rows,"
        + " missing_steps, decreasing_steps FROM cells ORDER BY cell_id")) {
      Expected e = expected.get(kOf.get((String) row.get(0)));
      assertThat(row.subList(1, 4)).as("step counts of " + row.get(0))
          .containsExactly(e.goodRows(), e.missingSteps(), e.decreasingSteps());
      back += e.decreasingSteps() > 0 ? 1 : 0;
      missing += e.missingSteps() > 0 ? 1 : 0;
      if (e.goodRows() == 0) {
        silent.add((String) row.get(0));
      }
    }
    assertThat(back).as("cells with decreasing steps").isPositive();
    assertThat(missing).as("cells with missing steps").isPositive();
    String backEnd = back == 1 ? "an old file" : "(and " + (back - 1) + " more like it)";
    String missingEnd =
        missing == 1 ? "cells table)" : "(and " + (missing - 1) + " more like it)";
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
        .contains("lower than the line before").endsWith(backEnd));
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
        .contains("no step between lines with one").endsWith(missingEnd));
    assertThat(silent).hasSize(CELLS / 10);
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w)
        .startsWith(silent.size() + " done cells reported no observations")
        .contains(silent.get(0)));
  }

  /** Writes a cell's observables (or none, for some cells) and returns what collect should see. */
  private static Expected write(Path file, int k, SplittableRandom random) throws Exception {
    if (k % 10 == 9) {
      return new Expected(0, 0, List.of(), 0, 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int good = 0;
    List<String> reasons = new ArrayList<>();
    // Over the good lines only: bad ones are left out before steps are looked at.
    Long lastStep = null;
    int withoutStep = 0;
    int missing = 0;
    int decreasing = 0;
    int lines = 5 + random.nextInt(20);
    for (int line = 1; line <= lines; line++) {
      int kind = random.nextInt(12);
      String text;
      long step = line;
      boolean stepped = kind == 6 || kind == 8 || kind > 8;
      switch (kind) {
        case 0 -> {
          text = "{\"step\": " + line + ", \"v\": 0.5";
          reasons.add("line " + line + ": not JSON");
        }
        case 1 -> {
          byte[] garbage = new byte[1 + random.nextInt(300)];
          for (int i = 0; i < garbage.length; i++) {
            int b = random.nextInt(256);
            garbage[i] = (byte) (b == '\n' || b == '\r' ? 0xFF : b);
          }
          garbage[0] = (byte) 0xFE;
          out.write(garbage);
          out.write('\n');
          reasons.add("line " + line + ": not JSON");
          continue;
        }
        case 2 -> {
          text = "{\"step\": " + line + ", \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
          reasons.add("line " + line + ": longer than 1 MB");
        }
        case 3 -> {
          text = "{\"step\": \"three\", \"v\": 1}";
          reasons.add("line " + line + ": step is \"three\", not an integer");
        }
        case 4 -> {
          text = "[1, 2, 3]";
          reasons.add("line " + line + ": not a JSON object but an array");
        }
        case 5 -> {
          text = "{\"step\": " + line + ", \"v\": \"high\"}";
          reasons.add("line " + line + ": \"v\" is \"high\", not a number");
        }
        case 6 -> {
          String[] specials = {"NaN", "\"nan\"", "\"inf\"", "-Infinity", "\"-inf\"", "1e999"};
          text = "{\"step\": " + line + ", \"v\": " + specials[random.nextInt(specials.length)]
              + "}";
          good++;
        }
        case 7 -> {
          text = "{\"v\": " + random.nextDouble() + ", \"w\": 2}";
          good += 2;
          withoutStep += lastStep == null ? 0 : 1;
        }
        case 8 -> {
          step = lines - line;
          text = "{\"step\": " + step + ", \"v\": " + line + "}";
          good++;
        }
        default -> {
          text = "{\"step\": " + line + ", \"v\": " + random.nextDouble() + "}";
          good++;
        }
      }
      if (stepped) {
        missing += withoutStep;
        withoutStep = 0;
        decreasing += lastStep != null && step < lastStep ? 1 : 0;
        lastStep = step;
      }
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    Files.write(file, out.toByteArray());
    return new Expected(good, reasons.size(), reasons, missing, decreasing);
  }
}
