package xyz.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import xyz.cli.Main;
import xyz.store.ResultsFolder;
import xyz.study.Study;
import xyz.study.StudyReader;

/** Studies run for real for the explorer's tests, and a small HTTP client for its server. */
final class Fixtures {
  /** The study of {@link FixtureExperiment}: 2 methods x 2 datasets x 3 k x 3 seeds. */
  static final String FIXTURE = """
      study: fixture
      methods: [alpha, beta]
      datasets: [one, two]
      controls:
        k: [1, 2, 4]
        seed: {range: [0, 3], replicate: true}
      observables: [score, loss]
      experiment:
        java: xyz.serve.FixtureExperiment
      figures:
        - {name: scores, rows: method, cols: dataset, x: k, y: [score], band: sd}
      """;

  private Fixtures() {}

  /** Writes a study file into a fresh {@code dir} and returns it, nothing run yet. */
  static Path write(Path dir, String yaml) throws IOException {
    ResultsFolder.deleteTree(dir);
    Files.createDirectories(dir);
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** Runs every cell of a study with {@code xyz run}, as a user would. */
  static void run(Path file, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "run";
    args[1] = file.toString();
    args[2] = "--workers=2";
    System.arraycopy(more, 0, args, 3, more.length);
    StringWriter out = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
    assertThat(out.toString()).as("xyz run (exit %d)", code).contains("ran ");
  }

  static Study read(Path file) {
    return StudyReader.read(file);
  }

  /** A GET answered by the server: status, body and the Server-Timing header. */
  record Answer(int status, String body, String timing) {}

  static Answer get(Explorer explorer, String pathAndQuery) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + explorer.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(r.statusCode(), r.body(),
        r.headers().firstValue("Server-Timing").orElse(null));
  }

  /**
   * Sends a request line exactly as given, with no client normalising the path first: what an
   * attacker's own client would send.
   */
  static Answer raw(Explorer explorer, String method, String target, String host)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", explorer.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
          + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int body = response.indexOf("\r\n\r\n");
      return new Answer(status, body < 0 ? "" : response.substring(body + 4), null);
    }
  }
}
