package xyz.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xyz.store.ResultsFolder;
import xyz.study.StudyReader;

/**
 * Views over steps computed from the observations held in memory answer exactly what the SQL
 * that aggregates and thins them in DuckDB answers, on seeded random results: repeated and
 * negative steps, values that are not finite or not positive, cells that failed or lack a
 * level, two observables, and budgets that thin some lines and not others.
 */
class StepLinesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] AXES = {"method", "dataset", "k", "seed"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void theColumnsAnswerWhatTheSqlAnswers(long seed) throws Exception {
    Random random = new Random(seed);
    Path file = build(Path.of("target", "step-lines", "seed-" + seed), random);
    int thinned = 0;
    int drawn = 0;
    try (StudyData data = new StudyData(StudyReader.read(file))) {
      data.refresh();
      for (int i = 0; i < 30; i++) {
        Map<String, List<String>> params = randomView(random);
        String sql = answer(data, params, false);
        String columns = answer(data, params, true);
        assertThat(columns).as("%s", params).isEqualTo(sql);
        JsonNode tree = MAPPER.readTree(columns);
        thinned += tree.get("thinned").asBoolean() ? 1 : 0;
        drawn += tree.get("points").asInt() > 0 ? 1 : 0;
      }
    }
    // The views compared must draw lines, and thin some of them, for the comparison to count.
    assertThat(drawn).isGreaterThan(20);
    assertThat(thinned).isGreaterThan(3);
  }

  private static String answer(StudyData data, Map<String, List<String>> params,
      boolean inMemory) throws Exception {
    return MAPPER.writeValueAsString(data.read((connection, schema) -> {
      View view = View.parse(data.study(), params, schema.observables(), schema.steps());
      return ViewQuery.run(connection, schema, inMemory ? data.steps() : null, view);
    }));
  }

  private static Map<String, List<String>> randomView(Random random) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    List<String> free = new ArrayList<>(List.of(AXES));
    for (String shelf : new String[] {"rows", "cols", "color"}) {
      if (random.nextInt(3) > 0) {
        p.put(shelf, List.of(free.remove(random.nextInt(free.size()))));
      }
    }
    p.put("x", List.of("step"));
    p.put("y", switch (random.nextInt(3)) {
      case 0 -> List.of("loss");
      case 1 -> List.of("acc");
      default -> List.of("acc", "loss");
    });
    p.put("mode", List.of(random.nextInt(3) == 0 ? "lines" : "mean"));
    p.put("band", List.of(new String[] {"none", "sd", "se", "ci95"}[random.nextInt(4)]));
    p.put("log_x", List.of(String.valueOf(random.nextInt(4) == 0)));
    p.put("log_y", List.of(String.valueOf(random.nextInt(4) == 0)));
    p.put("max_points", List.of(String.valueOf(new int[] {10, 37, 250, 1000, 100_000}[
        random.nextInt(5)])));
    if (random.nextInt(3) == 0) {
      p.put("filter.dataset", List.of("one"));
    }
    if (random.nextInt(4) == 0) {
      p.put("filter.seed", List.of("0", "2"));
    }
    return p;
  }

  /** Writes a study file and a results database as collect would; returns the file. */
  private static Path build(Path dir, Random random) throws Exception {
    ResultsFolder.deleteTree(dir);
    Path results = dir.resolve("results");
    Files.createDirectories(results);
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, "study: step-lines\nmethods: [alpha, beta, gamma]\ndatasets: [one,"
        + " two]\ncontrols:\n  k: [1, 2.5, 4]\n  seed: {range: [0, 3], replicate: true}\n"
        + "observables: [loss, acc]\nexperiment:\n  command: [\"true\"]\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + results.resolve(
        "results.duckdb")); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE cells (cell_id VARCHAR, cell_index INTEGER, method VARCHAR,"
          + " dataset VARCHAR, k DOUBLE, seed BIGINT, loss DOUBLE, acc DOUBLE, state VARCHAR,"
          + " seconds DOUBLE)");
      s.execute("CREATE TABLE observations (cell_id VARCHAR, seq INTEGER, step BIGINT,"
          + " observable VARCHAR, value DOUBLE)");
      double[] ks = {1, 2.5, 4};
      int index = 0;
      try (PreparedStatement cell = c.prepareStatement("INSERT INTO cells VALUES (?, ?, ?, ?, ?,"
          + " ?, NULL, NULL, ?, 1.0)"); DuckDBAppender obs = c.unwrap(DuckDBConnection.class)
              .createAppender("main", "observations")) {
        for (String method : new String[] {"alpha", "beta", "gamma"}) {
          for (String dataset : new String[] {"one", "two"}) {
            // gamma has no k, as a control of another method would leave it: one cell each.
            for (double k : method.equals("gamma") ? new double[] {Double.NaN} : ks) {
              for (int seed = 0; seed < 3; seed++) {
                String id = String.format(Locale.ROOT, "c%016x", index);
                cell.setString(1, id);
                cell.setInt(2, index++);
                cell.setString(3, method);
                cell.setString(4, dataset);
                cell.setObject(5, Double.isNaN(k) ? null : k);
                cell.setLong(6, seed);
                cell.setString(7, random.nextInt(12) == 0 ? "failed" : "done");
                cell.executeUpdate();
                observations(obs, id, random);
              }
            }
          }
        }
      }
    }
    return file;
  }

  private static void observations(DuckDBAppender obs, String id, Random random)
      throws Exception {
    int seq = 0;
    int steps = random.nextInt(4) == 0 ? random.nextInt(5) : 20 + random.nextInt(120);
    int stride = 1 + random.nextInt(3);
    for (int i = 0; i < steps; i++) {
      // Now and then a step below zero, which a log axis leaves out.
      long step = random.nextInt(10) == 0 ? -1 - i : (long) i * stride;
      for (String observable : new String[] {"loss", "acc"}) {
        double value = random.nextGaussian() + (observable.equals("acc") ? 0.5 : 3.0 - i * 0.02);
        int draw = random.nextInt(60);
        double v = draw == 0 ? Double.NaN : draw == 1 ? Double.POSITIVE_INFINITY : value;
        // A repeated step holds the same value again, so that its order cannot matter.
        int times = random.nextInt(15) == 0 ? 2 : 1;
        for (int t = 0; t < times; t++) {
          obs.beginRow().append(id).append(seq++)
              .append(random.nextInt(40) == 0 ? null : (Long) step).append(observable)
              .append(v).endRow();
        }
      }
    }
  }
}
