package xyz.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import xyz.plan.Cell;

/**
 * A study's results folder: one folder per ended cell under {@code cells/}, cells in progress
 * under {@code work/}. A cell's folder appears under {@code cells/} in one rename, with its status
 * file already inside, so a reader never sees a half-written cell and a crash never leaves a cell
 * that looks done (see doc/results-layout.md).
 */
public final class ResultsFolder {
  /** The status file of a cell folder. */
  public static final String STATUS = "status.json";
  /** The parameters file of a cell folder. */
  public static final String PARAMS = "params.json";
  /** The provenance file of a cell folder. */
  public static final String PROVENANCE = "provenance.json";
  /** The observables file a cell's experiment writes. */
  public static final String OBSERVATIONS = "observations.jsonl";
  /** The experiment's standard output. */
  public static final String STDOUT = "stdout.txt";
  /** The experiment's standard error. */
  public static final String STDERR = "stderr.txt";

  private final Path root;

  /** The results folder at {@code root}; nothing is created until a cell starts. */
  public ResultsFolder(Path root) {
    this.root = root;
  }

  /** The folder itself. */
  public Path root() {
    return root;
  }

  /** The folder of ended cells. */
  public Path cells() {
    return root.resolve("cells");
  }

  /** The folder of an ended cell (which may not exist). */
  public Path cell(String cellId) {
    return cells().resolve(cellId);
  }

  /** The database written by collect. */
  public Path database() {
    return root.resolve("results.duckdb");
  }

  /** The folder of figures. */
  public Path figures() {
    return root.resolve("figures");
  }

  /** The status of every ended cell, by cell id; cells without a readable status are absent. */
  public Map<String, CellStatus> statuses() {
    Map<String, CellStatus> out = new HashMap<>();
    if (!Files.isDirectory(cells())) {
      return out;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(cells())) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(".")) {
          readStatus(dir).ifPresent(s -> out.put(name, s));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + cells(), e);
    }
    return out;
  }

  /** The status of one cell, if it has ended. */
  public Optional<CellStatus> status(String cellId) {
    return readStatus(cell(cellId));
  }

  /**
   * Starts an attempt of a cell: a fresh folder under {@code work/} holding its parameters, where
   * the experiment writes its observables and output.
   */
  public Path begin(Cell cell) throws IOException {
    Path work = root.resolve("work");
    Files.createDirectories(work);
    Files.createDirectories(cells());
    String nonce = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    Path dir = Files.createDirectory(work.resolve(cell.id() + "-" + nonce));
    ObjectNode params = Json.MAPPER.createObjectNode();
    params.put("cell_id", cell.id());
    params.put("index", cell.index());
    params.set("params", Json.MAPPER.valueToTree(cell.params()));
    Files.write(dir.resolve(PARAMS), Json.MAPPER.writeValueAsBytes(params));
    return dir;
  }

  /**
   * Ends an attempt: writes the provenance and the status into its folder, then moves the folder
   * to {@code cells/<id>}, replacing the folder of an earlier attempt.
   */
  public void finish(Path workDir, CellStatus status, Provenance provenance) throws IOException {
    ObjectNode prov = Json.MAPPER.valueToTree(provenance);
    AtomicFiles.write(workDir.resolve(PROVENANCE), Json.MAPPER.writeValueAsBytes(prov));
    AtomicFiles.write(workDir.resolve(STATUS), Json.MAPPER.writeValueAsBytes(toJson(status)));
    Path target = cell(status.cellId());
    Path old = null;
    if (Files.exists(target)) {
      old = workDir.resolveSibling("." + status.cellId() + ".old-" + System.nanoTime());
      Files.move(target, old);
    }
    AtomicFiles.move(workDir, target);
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static ObjectNode toJson(CellStatus s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("cell_id", s.cellId());
    n.put("state", s.state().label());
    n.put("exit_code", s.exitCode());
    n.put("signal", s.signal());
    n.put("attempt", s.attempt());
    n.put("started", s.started().toString());
    n.put("ended", s.ended().toString());
    n.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
    n.put("host", s.host());
    n.put("error", s.error());
    return n;
  }

  private static Optional<CellStatus> readStatus(Path dir) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(dir.resolve(STATUS).toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (n == null || !n.isObject()) {
      return Optional.empty();
    }
    CellState state = CellState.parse(n.path("state").asText(""));
    if (state == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CellStatus(
            n.path("cell_id").asText(dir.getFileName().toString()),
            state,
            n.hasNonNull("exit_code") ? n.get("exit_code").asInt() : null,
            n.hasNonNull("signal") ? n.get("signal").asInt() : null,
            n.path("attempt").asInt(1),
            instant(n, "started"),
            instant(n, "ended"),
            n.path("host").asText(null),
            n.hasNonNull("error") ? n.get("error").asText() : null));
  }

  private static Instant instant(JsonNode n, String key) {
    try {
      return Instant.parse(n.path(key).asText());
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
