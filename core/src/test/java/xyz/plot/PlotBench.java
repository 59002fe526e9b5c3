package xyz.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xyz.study.Axis;
import xyz.study.AxisRole;
import xyz.study.FigureSpec;
import xyz.study.Study;
import xyz.study.Values;

/**
 * Times the facet grid on a large synthetic study: 18 methods x 11 datasets (198 panels), 15
 * learning rates as lines, 350 steps each: 1,039,500 points with one seed, 3,118,500 rows with
 * three seeds averaged under a bootstrap band. Not a test; run it with the test classpath:
 *
 * <pre>
 * java -Djava.awt.headless=true -cp CLASSPATH xyz.plot.PlotBench [build DIR | draw DIR SEEDS
 *     [png|svg] | stages DIR SEEDS | study DIR SEEDS]
 * </pre>
 *
 * <p>{@code build} writes the two databases, {@code draw} draws one figure once (time the whole
 * process from outside), {@code stages} prints the wall and CPU time of each stage, {@code study}
 * writes {@code DIR/study-SEEDS/study.yaml} with the database as its results, so that
 * {@code xyz plot} draws the same figure, and no argument builds into target/bench and draws
 * each figure three times in one JVM.
 */
public final class PlotBench {
  static final int METHODS = 18;
  static final int DATASETS = 11;
  static final int RATES = 15;
  static final int STEPS = 350;

  private PlotBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("build")) {
      build(Path.of(args[1]));
    } else if (args.length >= 3 && args[0].equals("draw")) {
      long start = System.nanoTime();
      int seeds = Integer.parseInt(args[2]);
      String format = args.length > 3 ? args[3] : "png";
      List<Path> files = draw(Path.of(args[1]), seeds, format);
      System.out.printf(Locale.ROOT, "draw %d seed(s): %.2f s -> %s%n", seeds,
          (System.nanoTime() - start) / 1e9, files);
    } else if (args.length >= 3 && args[0].equals("stages")) {
      stages(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length >= 3 && args[0].equals("study")) {
      System.out.println(writeStudy(Path.of(args[1]), Integer.parseInt(args[2])));
    } else {
      Path dir = Path.of("target", "bench");
      build(dir);
      for (int round = 0; round < 3; round++) {
        for (int seeds : new int[] {1, 3}) {
          long start = System.nanoTime();
          draw(dir, seeds, "png");
          System.out.printf(Locale.ROOT, "round %d, %d seed(s): %.2f s%n", round, seeds,
              (System.nanoTime() - start) / 1e9);
        }
      }
    }
  }

  /**
   * Writes a study file for the benchmark figure whose results folder links to the database, and
   * returns its path.
   */
  static Path writeStudy(Path dir, int seeds) throws Exception {
    Path folder = dir.resolve("study-" + seeds);
    Path results = folder.resolve("results");
    Files.createDirectories(results);
    Path link = results.resolve("results.duckdb");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, database(dir, seeds).toAbsolutePath());
    Study study = study(seeds);
    StringBuilder yaml = new StringBuilder("study: bench").append(seeds).append('\n');
    yaml.append("methods: ").append(list(study, "method")).append('\n');
    yaml.append("datasets: ").append(list(study, "dataset")).append('\n');
    yaml.append("controls:\n  lr: ").append(list(study, "lr")).append('\n');
    yaml.append("  seed: {range: [1, ").append(seeds + 1).append("], replicate: true}\n");
    yaml.append("observables: [train_loss]\n");
    yaml.append("experiment:\n  command: [\"true\"]\n");
    yaml.append("figures:\n  - name: bench").append(seeds).append('\n');
    yaml.append("    rows: method\n    cols: dataset\n    color: lr\n    x: step\n");
    yaml.append("    y: train_loss\n    band: ").append(seeds == 1 ? "none" : "ci95").append('\n');
    yaml.append("    formats: [png]\n");
    Path file = folder.resolve("study.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static String list(Study study, String axis) {
    List<String> labels = new ArrayList<>();
    for (Object level : study.axis(axis).orElseThrow().levels()) {
      labels.add(Values.label(level));
    }
    return "[" + String.join(", ", labels) + "]";
  }

  /** Draws once, printing the wall and CPU time of each stage. */
  static void stages(Path dir, int seeds) {
    Clock clock = new Clock();
    Study study = study(seeds);
    FigureSpec spec = spec(seeds);
    FigureQuery.Loaded loaded;
    Placement placement;
    try (Results results = Results.open(database(dir, seeds), spec.name())) {
      placement = FigureCheck.check(study, spec, List.of());
      clock.lap("open");
      loaded = FigureQuery.load(results, placement, note -> { });
    }
    clock.lap("query " + loaded.samples().total() + " pairs");
    Curve[] curves = Aggregate.present(Aggregate.curves(loaded.samples(), placement.band()));
    clock.lap("aggregate");
    FigurePainter painter = new FigurePainter("bench", placement, loaded.frame(), curves, null);
    clock.lap("layout " + painter.width() + "x" + painter.height());
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(painter.width(),
        painter.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
    painter.paint(image);
    clock.lap("paint");
    FigureWriter.png(image, dir.resolve("stages.png"));
    clock.lap("write png");
  }

  /** Wall and process CPU time between laps. */
  static final class Clock {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private long wall = System.nanoTime();
    private long cpu = os.getProcessCpuTime();

    void lap(String what) {
      long w = System.nanoTime();
      long c = os.getProcessCpuTime();
      System.out.printf(Locale.ROOT, "%-28s wall %5.2f s  cpu %5.2f s%n", what,
          (w - wall) / 1e9, (c - cpu) / 1e9);
      wall = w;
      cpu = c;
    }
  }

  /** The benchmark figure: no band for one seed, a bootstrap band over three. */
  static FigureSpec spec(int seeds) {
    return spec(seeds, "png");
  }

  static FigureSpec spec(int seeds, String format) {
    return Studies.figure("bench" + seeds).rows("method").cols("dataset")
        .color("lr").x("step").y("train_loss").band(seeds == 1 ? "none" : "ci95")
        .formats(format).build();
  }

  static List<Path> draw(Path dir, int seeds, String format) {
    return FacetGrid.draw(study(seeds), database(dir, seeds), spec(seeds, format),
        dir.resolve("figures"), note -> System.out.println("note: " + note));
  }

  static Path database(Path dir, int seeds) {
    return dir.resolve("bench-" + seeds + ".duckdb");
  }

  static Study study(int seeds) {
    List<Object> methods = new ArrayList<>();
    for (int i = 0; i < METHODS; i++) {
      methods.add(String.format(Locale.ROOT, "method%02d", i));
    }
    List<Object> datasets = new ArrayList<>();
    for (int i = 0; i < DATASETS; i++) {
      datasets.add(String.format(Locale.ROOT, "data%02d", i));
    }
    List<Object> rates = new ArrayList<>();
    for (int i = 0; i < RATES; i++) {
      rates.add(Math.pow(10, -4 + 3.0 * i / (RATES - 1)));
    }
    List<Object> seedLevels = new ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      seedLevels.add(s);
    }
    return Studies.study("bench", List.of(
        new Axis("method", AxisRole.METHOD, methods, false, List.of()),
        new Axis("dataset", AxisRole.DATASET, datasets, false, List.of()),
        new Axis("lr", AxisRole.CONTROL, rates, false, List.of()),
        new Axis("seed", AxisRole.CONTROL, seedLevels, true, List.of())), List.of("train_loss"));
  }

  static void build(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (int seeds : new int[] {1, 3}) {
      Path file = database(dir, seeds);
      if (Files.exists(file)) {
        continue;
      }
      long start = System.nanoTime();
      Study study = study(seeds);
      StringBuilder rates = new StringBuilder();
      List<Object> levels = study.axis("lr").orElseThrow().levels();
      for (int i = 0; i < levels.size(); i++) {
        rates.append(i == 0 ? "" : ", ").append("(").append(i).append(", CAST('")
            .append(Values.round((Double) levels.get(i))).append("' AS DOUBLE))");
      }
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE cells AS SELECT"
            + " printf('c%016x', row_number() OVER ()) AS cell_id,"
            + " CAST(row_number() OVER () - 1 AS INTEGER) AS cell_index,"
            + " printf('method%02d', m) AS method, printf('data%02d', d) AS dataset,"
            + " r.lr AS lr, CAST(seed AS BIGINT) AS seed, CAST(NULL AS DOUBLE) AS train_loss,"
            + " 'done' AS state, 0 AS exit_code, CAST(NULL AS INTEGER) AS signal, 1 AS attempt,"
            + " CAST(NULL AS TIMESTAMP) AS started, CAST(NULL AS TIMESTAMP) AS ended,"
            + " 1.0 AS seconds, 'node1' AS host, 'ana' AS \"user\","
            + " CAST(NULL AS VARCHAR) AS git_commit, false AS git_dirty, '17' AS jvm,"
            + " 'Linux' AS os, 2 AS cpus, 'train' AS command_line,"
            + " CAST(NULL AS VARCHAR) AS error, 0 AS bad_observation_lines"
            + " FROM range(" + METHODS + ") t1(m), range(" + DATASETS + ") t2(d),"
            + " (VALUES " + rates + ") r(i, lr), range(1, " + (seeds + 1) + ") t4(seed)"
            + " ORDER BY m, d, r.i, seed");
        s.execute("CREATE TABLE observations AS SELECT cell_id, CAST(step AS INTEGER) AS seq,"
            + " CAST(step AS BIGINT) AS step, 'train_loss' AS observable,"
            + " exp(-step * lr * 20) * (1 + 0.1 * hash(cell_index) % 7 / 7.0)"
            + " + 0.04 * random() AS value"
            + " FROM cells, range(1, " + (STEPS + 1) + ") t(step) ORDER BY cell_index, step");
        s.execute("UPDATE cells SET train_loss = (SELECT value FROM observations o"
            + " WHERE o.cell_id = cells.cell_id AND o.step = " + STEPS + ")");
        s.execute("CREATE TABLE axes (axis VARCHAR, role VARCHAR, position INTEGER,"
            + " level_index INTEGER, label VARCHAR, value DOUBLE, replicate BOOLEAN)");
      }
      System.out.printf(Locale.ROOT, "built %s in %.1f s%n", file,
          (System.nanoTime() - start) / 1e9);
    }
  }
}
