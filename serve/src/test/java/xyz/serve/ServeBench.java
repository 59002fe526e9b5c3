package xyz.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import xyz.store.ResultsFolder;
import xyz.study.StudyReader;

/**
 * Times the explorer's answer to a shelf change on a study of 1,000,000 observation rows: 10
 * methods x 10 datasets x 4 learning rates x 5 seeds = 2,000 cells of 500 steps each. The
 * server time is the {@code Server-Timing} of each answer (query, aggregation, thinning and
 * JSON), the median over several rounds of a sequence of views, and the CPU time of the
 * process per request (which a loaded machine does not inflate); and, apart, the first view,
 * which reads the observations into memory. Not a test; run it with the
 * test classpath:
 *
 * <pre>
 * java -cp CLASSPATH xyz.serve.ServeBench [DIR [ROUNDS]]
 * </pre>
 */
public final class ServeBench {
  static final int METHODS = 10;
  static final int DATASETS = 10;
  static final double[] RATES = {0.001, 0.01, 0.1, 1.0};
  static final int SEEDS = 5;
  static final int STEPS = 500;

  /** The shelf changes timed, in the order a user might make them. */
  static final List<String> VIEWS = List.of(
      "/api/view?rows=method&cols=dataset&x=step&y=loss&color=lr",
      "/api/view?rows=method&cols=dataset&x=step&y=loss&color=lr&band=ci95",
      "/api/view?rows=method&cols=dataset&x=step&y=loss&color=lr&log_x=true&log_y=true",
      "/api/view?rows=method&cols=dataset&x=step&y=loss&color=lr&filter.dataset=d0"
          + "&filter.dataset=d1&filter.dataset=d2",
      "/api/view?rows=lr&cols=dataset&x=step&y=loss&color=method",
      "/api/view?rows=method&cols=dataset&x=step&y=loss&color=lr&mode=lines",
      "/api/view?rows=method&cols=dataset&x=lr&y=loss&log_x=true",
      "/api/table?rows=method&cols=dataset&y=loss");

  private ServeBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/serve-bench");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path study = build(dir);
    long rows;
    try (Explorer explorer = Explorer.start(StudyReader.read(study), "127.0.0.1", 0)) {
      HttpClient client = HttpClient.newHttpClient();
      List<Double> all = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      double[][] times = new double[VIEWS.size()][rounds];
      var os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long points = 0;
      double first = Double.NaN;
      for (int round = -1; round < rounds; round++) {
        for (int v = 0; v < VIEWS.size(); v++) {
          long cpuBefore = os.getProcessCpuTime();
          HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + explorer.port() + VIEWS.get(v))).build(),
              HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200) {
            throw new IllegalStateException(VIEWS.get(v) + ": " + r.body());
          }
          double ms = Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow()
              .replaceAll(".*dur=", ""));
          if (round < 0 && v == 0) {
            first = ms;
          }
          if (round >= 0) {
            // The first round warms the JIT and DuckDB's caches; it is not counted.
            times[v][round] = ms;
            all.add(ms);
            cpu.add((os.getProcessCpuTime() - cpuBefore) / 1e6);
            points = Math.max(points, r.body().length());
          }
        }
      }
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT count(*) FROM read_csv('" + dir.toAbsolutePath()
              .resolve("results/observations.csv") + "')")) {
        rs.next();
        rows = rs.getLong(1);
      }
      for (int v = 0; v < VIEWS.size(); v++) {
        System.out.printf(Locale.ROOT, "%8.1f ms  %s%n", median(times[v]), VIEWS.get(v));
      }
      double[] flat = all.stream().mapToDouble(Double::doubleValue).toArray();
      double[] cpus = cpu.stream().mapToDouble(Double::doubleValue).toArray();
      System.out.printf(Locale.ROOT, "serve: %d observation rows, %d views x %d rounds: median"
          + " %.1f ms, max %.1f ms of server time per shelf change; median CPU time %.1f ms"
          + " (largest answer %d bytes; load average %.1f on %d cores)%n", rows, VIEWS.size(),
          rounds, median(flat), Arrays.stream(flat).max().orElse(0), median(cpus), points,
          os.getSystemLoadAverage(), os.getAvailableProcessors());
      System.out.printf(Locale.ROOT, "serve: the first view over steps after opening the"
          + " database, which reads the observations into memory: %.1f ms%n", first);
    }
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Writes the study file and its results database, as collect would; returns the file. */
  static Path build(Path dir) throws Exception {
    Path results = dir.resolve("results");
    Path file = dir.resolve("study.yaml");
    if (Files.isRegularFile(results.resolve("results.duckdb"))) {
      return file;
    }
    ResultsFolder.deleteTree(dir);
    Files.createDirectories(results);
    StringBuilder methods = new StringBuilder();
    StringBuilder datasets = new StringBuilder();
    for (int i = 0; i < METHODS; i++) {
      methods.append(i == 0 ? "" : ", ").append("m").append(i);
    }
    for (int i = 0; i < DATASETS; i++) {
      datasets.append(i == 0 ? "" : ", ").append("d").append(i);
    }
    Files.writeString(file, "study: serve-bench\nmethods: [" + methods + "]\ndatasets: ["
        + datasets + "]\ncontrols:\n  lr: [0.001, 0.01, 0.1, 1.0]\n  seed: {range: [0, " + SEEDS
        + "], replicate: true}\nobservables: [loss]\nexperiment:\n  command: [\"true\"]\n");
    int cells = METHODS * DATASETS * RATES.length * SEEDS;
    Path db = results.resolve("results.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE cells AS SELECT printf('c%016x', i) AS cell_id, CAST(i AS INTEGER)"
          + " AS cell_index, 'm' || (i // 200) AS method, 'd' || (i // 20 % 10) AS dataset,"
          + " [0.001, 0.01, 0.1, 1.0][i // 5 % 4 + 1] AS lr, CAST(i % 5 AS BIGINT) AS seed,"
          + " CAST(NULL AS DOUBLE) AS loss, 'done' AS state, 1.0 AS seconds FROM range(" + cells
          + ") t(i)");
      s.execute("CREATE TABLE observations AS SELECT c.cell_id, CAST(t.s AS INTEGER) AS seq,"
          + " CAST(t.s AS BIGINT) AS step, 'loss' AS observable, exp(-t.s * c.lr / 20.0)"
          + " * (1 + 0.1 * c.seed) + 0.01 * ((hash(c.cell_id, t.s) % 1000) / 1000.0) AS value"
          + " FROM cells c, range(1, " + (STEPS + 1) + ") t(s) ORDER BY c.cell_index, t.s");
      s.execute("UPDATE cells SET loss = o.value FROM observations o WHERE o.cell_id ="
          + " cells.cell_id AND o.step = " + STEPS);
      s.execute("COPY observations TO '" + results.resolve("observations.csv").toAbsolutePath()
          + "' (HEADER)");
    }
    return file;
  }
}
