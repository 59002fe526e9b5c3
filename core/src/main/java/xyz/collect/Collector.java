package xyz.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import xyz.UserError;
import xyz.plan.Plan;
import xyz.study.Study;

/**
 * Turns the cell folders of a results folder into {@code results.duckdb} (tables {@code cells},
 * {@code observations} and {@code axes}) and, beside it, {@code cells.csv} and {@code
 * observations.csv}, as {@code doc/results-layout.md} describes.
 *
 * <p>Every cell with a readable status.json is collected, whatever its state, so that failures
 * show in the tables. Each file is written under a temporary name and moved into place at the
 * end, so that a reader never sees half of one and a failed collect leaves the old files as
 * they were. Observations are streamed: memory does not grow with their number.
 *
 * <p>Tuning, by system property: {@value ResultsDatabase#MEMORY_PROPERTY} (DuckDB's memory
 * limit, {@code 1GB} by default), {@value ResultsDatabase#THREADS_PROPERTY} (DuckDB's threads,
 * at most 4 by default) and {@value #READERS_PROPERTY} (threads parsing observation files).
 */
public final class Collector {
  /** System property: how many threads parse observation files beside the writing thread. */
  public static final String READERS_PROPERTY = "xyz.collect.readers";

  private static final List<String> STATES = List.of("done", "failed", "timeout", "interrupted");

  private Collector() {}

  /**
   * Collects the results folder of a study.
   *
   * @param study the study the cells belong to: its axes type the columns and its observables
   *     come first
   * @param resultsDir the results folder, holding {@code cells/}
   * @return what was collected, skipped and written
   * @throws UserError when there is no {@code cells/} folder, or the old files cannot be
   *     replaced because another program holds them
   * @throws UncheckedIOException when the folder cannot be read or written
   */
  public static CollectReport collect(Study study, Path resultsDir) {
    return collect(study, resultsDir, null);
  }

  /**
   * Collects only the cells of the study's current plan, numbered as the plan numbers them: a
   * cell folder that the plan no longer holds (a level removed, the experiment's version bumped)
   * is left out with a warning, and its folder stays where it is.
   *
   * @param plan the study's plan, or null to collect every cell folder
   */
  public static CollectReport collect(Study study, Path resultsDir, Plan plan) {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(resultsDir, "resultsDir");
    Path cellsDir = resultsDir.resolve("cells");
    if (!Files.isDirectory(cellsDir)) {
      throw new UserError("nothing to collect: " + cellsDir + " does not exist. Run the study"
          + " first, or give the results folder it wrote (the study's results: key or"
          + " --results)");
    }
    int readers = readers();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, readers), daemonThreads());
    try {
      return new Collector.Run(study, resultsDir, pool, readers, plan).collect();
    } catch (IOException e) {
      throw new UncheckedIOException("collect failed in " + resultsDir + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed while collecting " + resultsDir + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("collect of " + resultsDir + " was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static int readers() {
    String value = System.getProperty(READERS_PROPERTY);
    if (value == null) {
      return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with the valid range.
    }
    throw new UserError("-D" + READERS_PROPERTY + "=" + value + " is not a thread count: give 0"
        + " (read on the writing thread) or more");
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "xyz-collect-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One collect: its inputs, warnings and temporary files. */
  private static final class Run {
    private final Study study;
    private final Path resultsDir;
    private final ExecutorService pool;
    private final int readers;
    private final Warnings warnings = new Warnings();
    private final List<AxisColumn> axes;
    private final CellReader cellReader;
    private final Map<String, Integer> planned;

    Run(Study study, Path resultsDir, ExecutorService pool, int readers, Plan plan) {
      this.study = study;
      this.resultsDir = resultsDir;
      this.pool = pool;
      this.readers = readers;
      this.axes = study.axes().stream().map(AxisColumn::of).toList();
      this.cellReader = new CellReader(resultsDir, axes, warnings);
      this.planned = plan == null ? null : positions(plan.ids());
    }

    private static Map<String, Integer> positions(List<String> ids) {
      Map<String, Integer> out = new java.util.HashMap<>(ids.size() * 2);
      for (int i = 0; i < ids.size(); i++) {
        out.put(ids.get(i), i);
      }
      return out;
    }

    /** The folders of planned cells; the others are counted in a warning. */
    private List<Path> inPlan(List<Path> folders) {
      if (planned == null) {
        return folders;
      }
      List<Path> kept = new ArrayList<>(folders.size());
      for (Path f : folders) {
        if (planned.containsKey(f.getFileName().toString())) {
          kept.add(f);
        }
      }
      int left = folders.size() - kept.size();
      if (left > 0) {
        warnings.add(left + (left == 1 ? " cell folder is" : " cell folders are")
            + " not in the study's plan (a level was removed, or the experiment's version"
            + " changed): left out of the database and the CSVs; the folders stay in "
            + resultsDir.resolve("cells"));
      }
      return kept;
    }

    CollectReport collect() throws IOException, SQLException, InterruptedException {
      List<CellRecord> cells = readCells(inPlan(CellFolders.list(resultsDir.resolve("cells"))));
      cellReader.reportUnknownAxes();

      Path database = resultsDir.resolve("results.duckdb");
      Path cellsCsv = resultsDir.resolve("cells.csv");
      Path observationsCsv = resultsDir.resolve("observations.csv");
      for (Path target : List.of(database, cellsCsv, observationsCsv)) {
        AtomicFiles.removeStale(target);
      }
      Path databaseTemp = AtomicFiles.temporary(database);
      Path cellsTemp = AtomicFiles.temporary(cellsCsv);
      Path observationsTemp = AtomicFiles.temporary(observationsCsv);
      try {
        Map<String, BadLines> bad;
        long rows;
        try (ResultsDatabase db = ResultsDatabase.create(databaseTemp)) {
          ObservationStage stage = new ObservationStage(db, study.observables());
          bad = new ObservationPipeline(pool, readers, cellReader, warnings).run(cells, stage);
          rows = stage.finish(cells);
          checkObservables(stage, cells);
          CellsTable.write(db, axes, stage.observables(), cells, warnings);
          AxesTable.write(db, study.axes());
          db.copyToCsv("SELECT * FROM cells", cellsTemp);
          // The table is in cell order and line order; DuckDB keeps insertion order here.
          db.copyToCsv("SELECT * FROM observations", observationsTemp);
        }
        // A log left by a writer that crashed would be replayed onto the new file.
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
        AtomicFiles.replace(databaseTemp, database);
        AtomicFiles.replace(cellsTemp, cellsCsv);
        AtomicFiles.replace(observationsTemp, observationsCsv);
        return new CollectReport(byState(cells), rows, bad, warnings.lines(), database, cellsCsv,
            observationsCsv);
      } finally {
        for (Path p : List.of(databaseTemp, cellsTemp, observationsTemp)) {
          AtomicFiles.deleteQuietly(p);
          AtomicFiles.deleteQuietly(p.resolveSibling(p.getFileName() + ".wal"));
          AtomicFiles.deleteQuietly(p.resolveSibling(p.getFileName() + ".tmp"));
        }
      }
    }

    /**
     * Warns of observables the cells report but the study does not declare (a typo on either
     * side), and of declared ones that no cell reported.
     */
    private void checkObservables(ObservationStage stage, List<CellRecord> cells) {
      List<String> all = stage.observables();
      if (stage.declared() < all.size()) {
        List<String> extra = all.subList(stage.declared(), all.size());
        warnings.add("the cells report " + (extra.size() == 1 ? "an observable" : "observables")
            + " the study does not declare: " + String.join(", ", extra) + "; they are collected,"
            + " but add them to `observables:` (or fix the experiment's spelling)");
      }
      boolean[] seen = new boolean[all.size()];
      for (CellRecord cell : cells) {
        for (int o : cell.finalObservables) {
          seen[o] = true;
        }
      }
      List<String> missing = new ArrayList<>();
      for (int o = 0; o < stage.declared(); o++) {
        if (!seen[o]) {
          missing.add(all.get(o));
        }
      }
      List<String> silent = new ArrayList<>();
      for (CellRecord cell : cells) {
        if ("done".equals(cell.state()) && cell.finalObservables.length == 0) {
          silent.add(cell.id);
        }
      }
      if (!silent.isEmpty() && stage.declared() > 0) {
        warnings.add(silent.size() + (silent.size() == 1 ? " done cell" : " done cells")
            + " reported no observations (" + String.join(", ", silent.subList(0,
                Math.min(5, silent.size()))) + (silent.size() > 5 ? ", ..." : "")
            + "): they are in the cells table with empty observable columns and"
            + " observation_rows 0; check that the experiment writes to $XYZ_OBSERVATIONS"
            + " (or, in Java, through the cell's observe calls)");
      }
      if (!missing.isEmpty() && !cells.isEmpty()) {
        warnings.add("no cell reported the declared " + (missing.size() == 1 ? "observable"
            : "observables") + " " + String.join(", ", missing) + "; their columns are empty");
      }
    }

    /** Reads the folders' small files in parallel; returns the cells in cell order. */
    private List<CellRecord> readCells(List<Path> folders) throws InterruptedException {
      List<Future<CellRecord>> futures = new ArrayList<>(folders.size());
      for (Path folder : folders) {
        futures.add(pool.submit(() -> cellReader.read(folder)));
      }
      List<CellRecord> cells = new ArrayList<>(folders.size());
      for (Future<CellRecord> f : futures) {
        try {
          CellRecord cell = f.get();
          if (cell != null) {
            cells.add(planned == null ? cell : cell.at(planned.get(cell.id)));
          }
        } catch (ExecutionException e) {
          throw new IllegalStateException("reading a cell folder failed", e.getCause());
        }
      }
      cells.sort(Comparator.comparing((CellRecord c) -> c.index,
          Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(c -> c.id));
      return cells;
    }

    private static Map<String, Integer> byState(List<CellRecord> cells) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String state : STATES) {
        counts.put(state, 0);
      }
      for (CellRecord cell : cells) {
        counts.merge(cell.state(), 1, Integer::sum);
      }
      counts.values().removeIf(n -> n == 0);
      return counts;
    }
  }
}
