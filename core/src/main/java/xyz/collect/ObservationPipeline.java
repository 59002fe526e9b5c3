package xyz.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads every cell's observations and appends them to the stage in cell order. Worker threads
 * parse the next few cells while this thread appends, so parsing and DuckDB's work overlap;
 * at most a few cells are held at once. A file too large to hold is parsed by this thread
 * itself, its rows handed on in slices.
 */
final class ObservationPipeline {
  /** Files larger than this are read on the appending thread, never held whole. */
  static final long HELD_BYTES = 4L << 20;
  private static final int SLICE_ROWS = 1 << 16;
  private static final ThreadLocal<ObservationReader> READER =
      ThreadLocal.withInitial(ObservationReader::new);

  private final ExecutorService pool;
  private final int workers;
  private final CellReader paths;
  private final Warnings warnings;

  ObservationPipeline(ExecutorService pool, int workers, CellReader paths, Warnings warnings) {
    this.pool = pool;
    this.workers = workers;
    this.paths = paths;
    this.warnings = warnings;
  }

  /**
   * Reads the cells' observations into the stage and their final values into the records.
   *
   * @return the bad lines per cell id, in cell order, for cells that had any
   */
  Map<String, BadLines> run(List<CellRecord> cells, ObservationStage stage)
      throws SQLException, InterruptedException {
    Map<String, BadLines> bad = new LinkedHashMap<>();
    int n = cells.size();
    int window = Math.max(1, workers * 2);
    List<Future<ObservationBatch>> pending = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pending.add(null);
    }
    int submitted = 0;
    for (int i = 0; i < n; i++) {
      while (workers > 0 && submitted < n && submitted < i + window) {
        CellRecord next = cells.get(submitted);
        if (size(file(next)) <= HELD_BYTES) {
          pending.set(submitted, pool.submit(() -> read(next, new ObservationBatch())));
        }
        submitted++;
      }
      CellRecord cell = cells.get(i);
      Future<ObservationBatch> future = pending.set(i, null);
      ObservationBatch batch;
      if (future == null) {
        int cellNo = i;
        batch = read(cell, new ObservationBatch(SLICE_ROWS, b -> append(stage, cellNo, b)));
      } else {
        batch = result(future);
      }
      stage.append(i, batch);
      stage.keepFinals(cell, batch);
      cell.fields[Field.BAD_OBSERVATION_LINES.ordinal()] = batch.badCount();
      cell.fields[Field.OBSERVATION_ROWS.ordinal()] = (int) Math.min(batch.rows(),
          Integer.MAX_VALUE);
      cell.fields[Field.MISSING_STEPS.ordinal()] = batch.missingSteps();
      cell.fields[Field.DECREASING_STEPS.ordinal()] = batch.decreasingSteps();
      steps(cell, batch);
      if (batch.badLines() != null) {
        bad.put(cell.id, batch.badLines());
      }
      if (batch.readError() != null) {
        warnings.add(paths.shown(file(cell)) + " could not be read to its end ("
            + batch.readError() + "): the rows before the error are kept");
      }
    }
    return bad;
  }

  /**
   * Warns of a cell whose steps go back or are missing on some lines: the rows are kept, but a
   * curve against the step is drawn out of order or without those points.
   */
  private void steps(CellRecord cell, ObservationBatch batch) {
    int back = batch.decreasingSteps();
    if (back > 0) {
      warnings.add("decreasing-step", "cell " + cell.id + ": " + back
          + (back == 1 ? " line has a step" : " lines have a step")
          + " lower than the line before (first at " + batch.firstDecrease()
          + "); the rows are kept in file order (column decreasing_steps of the cells table"
          + " counts them per cell); check that the experiment does not restart or append to"
          + " an old file");
    }
    int missing = batch.missingSteps();
    if (missing > 0) {
      warnings.add("missing-step", "cell " + cell.id + ": " + missing
          + (missing == 1 ? " line has" : " lines have") + " no step between lines with one (first"
          + " at line " + batch.firstMissingStep() + "); their rows are kept with step NULL and"
          + " are left out of plots against the step (column missing_steps of the cells table)");
    }
  }

  private static void append(ObservationStage stage, int cellNo, ObservationBatch batch) {
    try {
      stage.append(cellNo, batch);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not take the observations: " + e.getMessage(),
          e);
    }
  }

  private static ObservationBatch read(CellRecord cell, ObservationBatch batch) {
    try {
      READER.get().read(file(cell), batch);
    } catch (IOException e) {
      batch.readError(ObservationReader.clean(String.valueOf(e.getMessage())));
    }
    return batch;
  }

  private static ObservationBatch result(Future<ObservationBatch> future)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Path file(CellRecord cell) {
    return cell.dir.resolve("observations.jsonl");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // Missing means no rows; unreadable is reported by the read itself.
      return 0;
    }
  }
}
