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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Who writes an attempt's folder: this process on this machine, as in its folder name. */
  private static final String OWNER = owner(ProcessHandle.current().pid());
  /** The folders under {@code work/} that this process is writing now. */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private final Path root;
  private volatile boolean prepared;

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

  /** The folder of cells in progress. */
  public Path work() {
    return root.resolve("work");
  }

  /**
   * Starts an attempt of a cell: a fresh folder under {@code work/} holding its parameters, where
   * the experiment writes its observables and output. The folder's name ends with the process
   * id and host of its writer, so that {@link #recover()} can tell a crashed writer's folders
   * from those of a writer still running.
   */
  public Path begin(Cell cell) throws IOException {
    if (!prepared) {
      Files.createDirectories(work());
      Files.createDirectories(cells());
      prepared = true;
    }
    String nonce = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    Path dir = work().resolve(cell.id() + "-" + nonce + "-" + OWNER);
    WRITING.add(dir.toAbsolutePath());
    try {
      Files.createDirectory(dir);
    } catch (NoSuchFileException e) {
      // Someone removed the folders while this run went on: make them again, once.
      Files.createDirectories(work());
      Files.createDirectories(cells());
      Files.createDirectory(dir);
    }
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
   *
   * <p>The files are written in place: nobody reads a folder under {@code work/}, and the
   * status is written last, so a status file that parses means a complete folder. An earlier
   * attempt's folder is moved aside first (a folder cannot be renamed over a full one); a crash
   * between the two moves leaves both under {@code work/}, where {@link #recover()} finds them.
   */
  public void finish(Path workDir, CellStatus status, Provenance provenance) throws IOException {
    ObjectNode prov = Json.MAPPER.valueToTree(provenance);
    Files.write(workDir.resolve(PROVENANCE), Json.MAPPER.writeValueAsBytes(prov));
    Files.write(workDir.resolve(STATUS), Json.MAPPER.writeValueAsBytes(toJson(status)));
    Path target = cell(status.cellId());
    Path old = null;
    if (Files.exists(target)) {
      old = work().resolve("." + status.cellId() + ".old-" + System.nanoTime() + "-" + OWNER);
      WRITING.add(old.toAbsolutePath());
      Files.move(target, old);
    }
    AtomicFiles.move(workDir, target);
    WRITING.remove(workDir.toAbsolutePath());
    if (old != null) {
      deleteTree(old);
    }
  }

  /**
   * Puts right what writers that died left under {@code work/} (a {@code kill -9}, a lost node):
   * a finished attempt whose cell folder is missing is moved into place; an earlier attempt
   * moved aside is moved back when no newer one took its place; every other folder of a dead
   * writer, an attempt that never ended, is deleted. Folders of writers still running, or on
   * other hosts, are left alone. Call it before deciding which cells have ended.
   */
  public Recovery recover() throws IOException {
    if (!Files.isDirectory(work())) {
      return new Recovery(0, 0);
    }
    List<Path> attempts = new ArrayList<>();
    List<Path> earlier = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(work())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (deadWriter(entry, name)) {
          (name.startsWith(".") ? earlier : attempts).add(entry);
        }
      }
    }
    int restored = 0;
    int removed = 0;
    for (Path attempt : attempts) {
      Optional<CellStatus> status = readStatus(attempt);
      if (status.isPresent() && !Files.exists(cell(status.get().cellId()))
          && moveQuietly(attempt, cell(status.get().cellId()))) {
        restored++;
      } else {
        deleteTree(attempt);
        removed++;
      }
    }
    for (Path aside : earlier) {
      String name = aside.getFileName().toString();
      Path target = cell(name.substring(1, name.indexOf(".old-")));
      if (!Files.exists(target) && moveQuietly(aside, target)) {
        restored++;
      } else {
        deleteTree(aside);
      }
    }
    return new Recovery(restored, removed);
  }

  /**
   * What {@link #recover()} did.
   *
   * @param restored cell folders moved back into {@code cells/}
   * @param removed unfinished attempts deleted
   */
  public record Recovery(int restored, int removed) {}

  /** The end of the names of the folders a process of this host writes under {@code work/}. */
  static String owner(long pid) {
    return pid + "@" + Provenance.hostName().replaceAll("[^A-Za-z0-9.-]", "_");
  }

  /** Whether a folder under {@code work/} belongs to a process of this host that has ended. */
  private static boolean deadWriter(Path entry, String name) {
    int at = name.lastIndexOf('@');
    int dash = name.lastIndexOf('-', at);
    if (at < 0 || dash < 0 || !name.substring(at).equals(OWNER.substring(OWNER.indexOf('@')))) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(name.substring(dash + 1, at));
    } catch (NumberFormatException e) {
      return false;
    }
    if (pid == ProcessHandle.current().pid()) {
      // Not one this process is writing: a dead namesake's, or a run in this JVM that failed.
      return !WRITING.contains(entry.toAbsolutePath());
    }
    return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean moveQuietly(Path from, Path to) {
    try {
      Files.move(from, to);
      return true;
    } catch (IOException e) {
      // Another recovering process took it first, or the file system refused: leave it.
      return false;
    }
  }

  /** Deletes a folder and everything in it; a missing folder is fine. */
  public static void deleteTree(Path dir) throws IOException {
    WRITING.remove(dir.toAbsolutePath());
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
