package xyz.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import xyz.collect.Collector;
import xyz.plan.Plan;
import xyz.plan.Planner;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.ResultsFolder;
import xyz.study.Study;

/**
 * The explorer's view of a study's results folder, kept up to date while the study runs.
 *
 * <p>Views read a DuckDB database opened read-only: {@code results.duckdb} when it is newer
 * than the last cell that ended, or else a snapshot that the explorer collects itself into a
 * private folder (never into the results folder), so that a running study shows its cells as
 * they end. The database is reopened when {@code xyz collect} or the end of {@code xyz run}
 * replaces it. {@link #refresh()} does all of this and is called by a background thread.
 */
final class StudyData implements AutoCloseable {
  /** Collecting a snapshot takes at most this share of the time, however often cells end. */
  private static final int COLLECT_DUTY = 5;
  private static final long MIN_COLLECT_GAP_NANOS = 2_000_000_000L;

  private final Study study;
  private final Plan plan;
  private final Set<String> planned;
  private final ResultsFolder folder;
  private final Path snapshots;
  private final ReentrantLock lock = new ReentrantLock(true);

  private Connection connection;
  private Path openFile;
  private Object openKey;
  private Schema schema;
  private StepColumns steps;
  private boolean stepsLoaded;
  private volatile Progress progress;
  private long version;
  private long countedStamp = Long.MIN_VALUE;
  private int generation;
  private long lastCollectEnd;
  private long lastCollectNanos;
  private long snapshotStamp = Long.MIN_VALUE;

  /** Work that reads the database. */
  interface Read<T> {
    T apply(Connection connection, Schema schema) throws SQLException;
  }

  StudyData(Study study) {
    this.study = study;
    this.plan = Planner.plan(study);
    this.planned = new HashSet<>(plan.ids());
    this.folder = new ResultsFolder(study.resultsDir().toAbsolutePath().normalize());
    try {
      this.snapshots = Files.createTempDirectory("xyz-serve-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for snapshots in "
          + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
    }
    this.progress = new Progress(plan.size(), 0, 0, 0, plan.size(), 0);
  }

  Study study() {
    return study;
  }

  Plan plan() {
    return plan;
  }

  /** Whether the study's plan has a cell with this id. */
  boolean planned(String cellId) {
    return planned.contains(cellId);
  }

  /** The results folder. */
  ResultsFolder folder() {
    return folder;
  }

  /** The counts as of the last refresh. */
  Progress progress() {
    return progress;
  }

  /**
   * Runs read-only work on the current database.
   *
   * @throws BadRequest (404) when no cell has ended yet, so that there is nothing to read
   */
  <T> T read(Read<T> work) {
    lock.lock();
    try {
      if (connection == null) {
        throw new BadRequest(404, "there are no results yet: no cell of " + study.name()
            + " has ended; run the study with `xyz run " + study.file() + "`");
      }
      return work.apply(connection, schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + openFile + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The observations over steps of the open database, held in memory; read at the first view
   * over steps after each open. Only for work given to {@link #read}.
   *
   * @return the columns, or null when the database has none or they would not fit the heap
   */
  StepColumns steps() throws SQLException {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the observations are read only within read()");
    }
    if (!stepsLoaded && schema.steps()) {
      steps = StepColumns.load(connection);
    }
    stepsLoaded = true;
    return steps;
  }

  /** Counts the cells again when their folders changed, and reopens or re-collects the data. */
  synchronized void refresh() {
    long stamp = Math.max(modified(folder.cells()), modified(folder.root().resolve("work")));
    boolean changed = false;
    if (stamp != countedStamp) {
      countedStamp = stamp;
      changed = true;
      count();
    }
    Path source = source();
    if (source != null) {
      changed |= open(source);
    }
    if (changed) {
      version++;
      Progress p = progress;
      progress = new Progress(p.cells(), p.done(), p.failed(), p.running(), p.left(), version);
    }
  }

  private void count() {
    Map<String, CellStatus> ended = folder.statuses();
    Set<String> running = new HashSet<>();
    Path work = folder.root().resolve("work");
    if (Files.isDirectory(work)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(work)) {
        for (Path dir : dirs) {
          String name = dir.getFileName().toString();
          int dash = name.indexOf('-');
          String id = dash > 0 ? name.substring(0, dash) : name;
          if (planned.contains(id)) {
            running.add(id);
          }
        }
      } catch (IOException e) {
        // A folder that vanished between the listing and the read is a cell that just ended.
      }
    }
    int done = 0;
    int failed = 0;
    for (String id : plan.ids()) {
      CellStatus s = ended.get(id);
      if (running.contains(id) || s == null) {
        continue;
      }
      if (s.state() == CellState.DONE) {
        done++;
      } else {
        failed++;
      }
    }
    int cells = plan.size();
    progress = new Progress(cells, done, failed, running.size(),
        cells - done - failed - running.size(), version);
  }

  /**
   * The database views should read: results.duckdb while it is as new as the cell folders,
   * else a snapshot, collected again when cells have ended since the last one (but not so
   * often that collecting takes more than a fifth of the time).
   */
  private Path source() {
    Path database = folder.database();
    long cellsStamp = modified(folder.cells());
    if (Files.isRegularFile(database) && modified(database) >= cellsStamp) {
      return database;
    }
    if (cellsStamp == Long.MIN_VALUE || progress.done() + progress.failed() == 0) {
      return Files.isRegularFile(database) ? database : null;
    }
    Path current = generation == 0 ? null : snapshot(generation).resolve("results.duckdb");
    long now = System.nanoTime();
    boolean due = now - lastCollectEnd >= Math.max(MIN_COLLECT_GAP_NANOS,
        COLLECT_DUTY * lastCollectNanos);
    if (cellsStamp == snapshotStamp || current != null && !due) {
      return current;
    }
    Path next = snapshot(generation + 1);
    try {
      Files.createDirectories(next);
      Files.createSymbolicLink(next.resolve("cells"), folder.cells());
      Collector.collect(study, next, plan);
    } catch (IOException | RuntimeException e) {
      // A cell folder caught half-moved, or a full temporary disk: the next round tries again,
      // and meanwhile the views show the last snapshot, or the last collect.
      deleteQuietly(next);
      lastCollectEnd = System.nanoTime();
      return current != null || !Files.isRegularFile(database) ? current : database;
    }
    lastCollectNanos = System.nanoTime() - now;
    lastCollectEnd = System.nanoTime();
    snapshotStamp = cellsStamp;
    generation++;
    return next.resolve("results.duckdb");
  }

  private Path snapshot(int n) {
    return snapshots.resolve("snapshot-" + n);
  }

  /** Opens {@code file} unless it is the one open; returns whether it changed. */
  private boolean open(Path file) {
    Object key = key(file);
    if (key == null || file.equals(openFile) && key.equals(openKey)) {
      return false;
    }
    lock.lock();
    try {
      Path old = openFile;
      closeConnection();
      Properties properties = new Properties();
      properties.setProperty("duckdb.read_only", "true");
      properties.setProperty("memory_limit", System.getProperty("xyz.serve.memory", "1GB"));
      connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
      schema = schema(connection);
      openFile = file;
      openKey = key;
      if (old != null && !old.equals(file) && old.startsWith(snapshots)) {
        deleteQuietly(old.getParent());
      }
      return true;
    } catch (SQLException e) {
      closeConnection();
      openFile = null;
      openKey = null;
      return true;
    } finally {
      lock.unlock();
    }
  }

  private Schema schema(Connection c) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM"
        + " information_schema.columns WHERE table_name = 'cells' ORDER BY ordinal_position")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    // The observables sit between the axes and the status columns; see the results layout.
    Set<String> observables = new LinkedHashSet<>(study.observables());
    Set<String> axes = new HashSet<>(study.axisNames());
    List<String> names = new ArrayList<>(columns.keySet());
    for (String name : names.subList(Math.min(2, names.size()), names.size())) {
      if (name.equals("state")) {
        break;
      }
      if (!axes.contains(name)) {
        observables.add(name);
      }
    }
    boolean steps;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT EXISTS (SELECT 1 FROM observations WHERE step IS NOT NULL)")) {
      steps = rs.next() && rs.getBoolean(1);
    }
    return new Schema(columns, List.copyOf(observables), steps);
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a read-only connection loses nothing.
      }
      connection = null;
    }
    steps = null;
    stepsLoaded = false;
  }

  private static Object key(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(Objects.toString(a.fileKey()), a.lastModifiedTime().toMillis(), a.size());
    } catch (IOException e) {
      return null;
    }
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      ResultsFolder.deleteTree(dir);
    } catch (IOException e) {
      // A snapshot left in the temporary folder costs disk space, not correctness.
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closeConnection();
    } finally {
      lock.unlock();
    }
    deleteQuietly(snapshots);
  }
}
