package xyz.collect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.Study;

/**
 * Times {@link Collector#collect} on a generated results folder: N cells x S steps, each step one
 * line with K observables (N x S x K observation rows). Not a test; run it with the test
 * classpath:
 *
 * <pre>
 * java -Xmx512m -cp core/target/classes:core/target/test-classes:DEPENDENCIES \
 *     xyz.collect.CollectBench CELLS STEPS [OBSERVABLES [FOLDER]]
 * </pre>
 *
 * <p>A FOLDER that already holds cells is collected as it is, so that the files can be generated
 * once and collected several times (the first run then also pays for a cold disk cache).
 */
public final class CollectBench {
  private CollectBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: CollectBench CELLS STEPS [OBSERVABLES [FOLDER]]");
      System.exit(2);
    }
    int cells = Integer.parseInt(args[0]);
    int steps = Integer.parseInt(args[1]);
    int observables = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path results = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("collect-bench");
    List<String> names = new ArrayList<>();
    for (int k = 0; k < observables; k++) {
      names.add(k == 0 ? "loss" : "metric_" + k);
    }
    Study study = CellFolderFixture.study(List.of(
        new Axis("method", AxisRole.METHOD, List.of("a", "b", "c", "d"), false, List.of()),
        new Axis("lr", AxisRole.CONTROL, List.of(0.1, 0.01, 0.001), false, List.of()),
        new Axis("seed", AxisRole.CONTROL, range(Math.max(1, cells / 12 + 1)), true, List.of())),
        names);
    if (!Files.isDirectory(results.resolve("cells"))) {
      long t0 = System.nanoTime();
      generate(results, cells, steps, names);
      System.out.printf(Locale.ROOT, "generated %,d cells x %,d steps in %s: %.1f s%n", cells,
          steps, results, (System.nanoTime() - t0) / 1e9);
    }
    long t0 = System.nanoTime();
    CollectReport report = Collector.collect(study, results);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.println(report.summary());
    System.out.printf(Locale.ROOT, "collect: %.2f s, %,.0f rows/s, %,d MB heap used at the end%n",
        seconds, report.observationRows() / seconds,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    for (String file : List.of("results.duckdb", "cells.csv", "observations.csv")) {
      System.out.printf(Locale.ROOT, "  %s: %,d MB%n", file,
          Files.size(results.resolve(file)) >> 20);
    }
  }

  private static List<Object> range(int n) {
    List<Object> levels = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      levels.add(i);
    }
    return levels;
  }

  private static void generate(Path results, int cells, int steps, List<String> names)
      throws IOException {
    String[] methods = {"a", "b", "c", "d"};
    double[] lrs = {0.1, 0.01, 0.001};
    Random random = new Random(1);
    for (int i = 0; i < cells; i++) {
      String id = String.format(Locale.ROOT, "c%016x", random.nextLong());
      Path dir = CellFolderFixture.cell(results, id, i, CellFolderFixture.params(
          "method", methods[i % 4], "lr", lrs[(i / 4) % 3], "seed", i / 12),
          i % 50 == 49 ? "failed" : "done", null);
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("observations.jsonl"),
          StandardCharsets.UTF_8)) {
        double loss = 2.5;
        for (int s = 1; s <= steps; s++) {
          loss *= 0.995 + 0.004 * random.nextDouble();
          out.write("{\"step\": ");
          out.write(Integer.toString(s));
          for (String name : names) {
            out.write(", \"");
            out.write(name);
            out.write("\": ");
            out.write(Double.toString(loss));
          }
          out.write("}\n");
        }
      }
    }
  }
}
