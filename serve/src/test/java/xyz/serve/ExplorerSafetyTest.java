package xyz.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The explorer refuses, with a 4xx and a message, what a hostile page or client could send:
 * paths that climb out of the page's files, cell ids that are not ids, SQL in every parameter,
 * writes, and requests addressed to another host. Nothing is read outside the results folder,
 * and nothing in it changes.
 */
class ExplorerSafetyTest {
  private static final List<String> ATTACKS = List.of(
      "'; DROP TABLE cells; --",
      "score\" FROM cells; --",
      "1 OR 1=1",
      "x') UNION SELECT * FROM duckdb_settings() --",
      "\u0000",
      "../../../etc/passwd",
      "read_csv('/etc/passwd')");

  private static Explorer explorer;
  private static Path results;
  private static Map<String, Long> before;

  @BeforeAll
  static void runTheStudyAndServeIt() throws Exception {
    Path file = Fixtures.write(Path.of("target", "safety-fixture"), Fixtures.FIXTURE);
    Fixtures.run(file);
    results = file.resolveSibling("results");
    before = listing(results);
    explorer = Explorer.start(Fixtures.read(file), "127.0.0.1", 0);
  }

  @AfterAll
  static void stopAndCheckNothingChanged() throws Exception {
    explorer.close();
    assertThat(listing(results)).isEqualTo(before);
  }

  /** Every file of the results folder with its size and time, to see that none changed. */
  private static Map<String, Long> listing(Path dir) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p) + " " + Files.size(p), Files.getLastModifiedTime(p)
            .toMillis());
      }
    }
    return out;
  }

  static Stream<Arguments> injections() {
    List<Arguments> cases = new ArrayList<>();
    String view = "/api/view?x=k&y=score";
    for (String attack : ATTACKS) {
      for (String key : List.of("rows", "cols", "color", "mode", "band", "scales", "log_x",
          "log_y", "max_points", "filter.method", "filter.k", "range.k", "filter." + attack,
          "range." + attack, attack)) {
        cases.add(Arguments.of(view + "&" + enc(key) + "=" + enc(attack), attack));
      }
      cases.add(Arguments.of("/api/view?y=score&x=" + enc(attack), attack));
      cases.add(Arguments.of("/api/view?x=k&y=" + enc(attack), attack));
      for (String key : List.of("rows", "cols", "aggregate", "best", "filter.dataset")) {
        cases.add(Arguments.of("/api/table?y=score&" + enc(key) + "=" + enc(attack), attack));
      }
      cases.add(Arguments.of("/api/table?y=" + enc(attack), attack));
      for (String key : List.of("limit", "filter.seed", "range.seed", attack)) {
        cases.add(Arguments.of("/api/cells?" + enc(key) + "=" + enc(attack), attack));
      }
      cases.add(Arguments.of("/api/cell/" + enc(attack).replace("+", "%20"), attack));
    }
    return cases.stream();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("injections")
  void sqlInAnyParameterIsRefusedWithAMessage(String target, String attack) throws Exception {
    Fixtures.Answer a = Fixtures.raw(explorer, "GET", target, "127.0.0.1");

    assertThat(a.status()).as(target + " -> " + a.body()).isBetween(400, 499);
    assertThat(a.body()).contains("\"error\":").doesNotContain("Exception")
        .doesNotContain("\tat ").doesNotContain("root:");
    // The message quotes what was wrong, so that a user sees the mistake; an address that the
    // web server itself refuses (a NUL in the path) never reaches the explorer to be quoted.
    if (a.body().contains("\"error\":\"refused: the address")) {
      return;
    }
    String shown = Params.shown(attack).replace("\\", "\\\\").replace("\"", "\\\"");
    assertThat(a.body()).as(target).contains(shown.substring(0, Math.min(8, shown.length())));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/static/../../etc/passwd",
      "/static/vendor/../../../../etc/passwd",
      "/static/%2e%2e/%2e%2e/etc/passwd",
      "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "/static/..%2f..%2f..%2fetc%2fpasswd",
      "/static/..%5c..%5cetc%5cpasswd",
      "/static/%252e%252e/%252e%252e/etc/passwd",
      "/static/....//....//etc/passwd",
      "/static/%c0%ae%c0%ae/etc/passwd",
      "/static/index.html%00.js",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/../../etc/passwd",
      "/static/explorer.js/../../../study.yaml",
      "/static/../results/cells",
      "/api/cell/..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/cell/c09a864e80979327b%2F..%2F..%2F..%2Fstudy.yaml",
      "/api/cell/c09a864e80979327b/../../study.yaml",
      "/api/cell/C09A864E80979327B",
      "/api/cell/c0000000000000000",
      "/results.duckdb",
      "/results/cells.csv",
      "/study.yaml"})
  void noPathLeadsOutOfThePagesFiles(String target) throws Exception {
    Fixtures.Answer a = Fixtures.raw(explorer, "GET", target, "127.0.0.1");

    assertThat(a.status()).as(target + " -> " + a.body()).isBetween(400, 499);
    assertThat(a.body()).contains("\"error\":").doesNotContain("root:")
        .doesNotContain("study: fixture").doesNotContain("Exception");
  }

  @Test
  void theServerOnlyReads() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      Fixtures.Answer a = Fixtures.raw(explorer, method, "/api/view?x=k&y=score", "127.0.0.1");
      assertThat(a.status()).as(method).isEqualTo(405);
      assertThat(a.body()).contains("the explorer only reads: " + method + " is not allowed");
    }
  }

  @Test
  void aRequestForAnotherHostIsRefused() throws Exception {
    Fixtures.Answer a = Fixtures.raw(explorer, "GET", "/api/study", "attacker.example:80");

    assertThat(a.status()).isEqualTo(421);
    assertThat(a.body()).contains("the explorer answers only requests to this machine (Host:"
        + " attacker.example:80)");
    assertThat(Fixtures.raw(explorer, "GET", "/api/study", "localhost:" + explorer.port())
        .status()).isEqualTo(200);
  }

  @Test
  void aMistakeNamesTheParameterTheValueAndTheNearestChoice() throws Exception {
    Fixtures.Answer a = Fixtures.get(explorer, "/api/view?x=k&y=scor&rows=metod");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).isEqualTo("{\"error\":\"rows: 'metod' is not an axis of fixture\\n"
        + "  valid: method, dataset, k, seed\\n  did you mean 'method'?\\n  fix: name one of its"
        + " axes\",\"status\":400}");
  }
}
