package xyz.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.store.Provenance;
import xyz.store.ResultsFolder;
import xyz.study.ExperimentSpec;

/**
 * The embedded executor: a pool of workers on this machine, each running one cell at a time with
 * its timeout and retries, writing each ended cell into the results folder at once, so that an
 * interrupted or crashed run loses only the cells that were running.
 */
public final class LocalExecutor {
  /** The longest a stopped run waits for its running cells to end (SIGTERM, then SIGKILL). */
  public static final Duration STOP_WAIT = CommandRunner.GRACE.multipliedBy(2);

  private static final int TAIL_BYTES = 2048;
  private static final int TAIL_LINES = 8;

  private final ResultsFolder folder;
  private final int workers;
  private final Provenance provenance;
  private final RunListener listener;

  /**
   * @param folder where cells are written
   * @param workers how many cells run at once
   * @param provenance the facts written beside every cell
   * @param listener told of every start and end
   */
  public LocalExecutor(
      ResultsFolder folder, int workers, Provenance provenance, RunListener listener) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    this.folder = folder;
    this.workers = workers;
    this.provenance = provenance;
    this.listener = listener;
  }

  /**
   * Runs the cells and returns when every one has ended or the run was stopped.
   *
   * @param experiment the study's experiment, for its timeout and retries
   * @param runner runs one attempt
   * @param cells the cells to run, in plan order
   * @param planned the cell count of the whole plan, for the summary
   * @param stop set by Ctrl-C: running cells are marked interrupted and queued ones left
   */
  public RunSummary run(
      ExperimentSpec experiment, CellRunner runner, List<Cell> cells, int planned,
      StopSignal stop) throws InterruptedException {
    Instant start = Instant.now();
    Map<CellState, AtomicInteger> states = new EnumMap<>(CellState.class);
    for (CellState s : CellState.values()) {
      states.put(s, new AtomicInteger());
    }
    ConcurrentLinkedQueue<Cell> failed = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
    List<Future<?>> futures = new ArrayList<>(cells.size());
    for (Cell cell : cells) {
      futures.add(
          pool.submit(
              () -> {
                if (stop.stopped()) {
                  return null;
                }
                CellState end = runCell(experiment, runner, cell, stop);
                states.get(end).incrementAndGet();
                if (end != CellState.DONE) {
                  failed.add(cell);
                }
                return null;
              }));
    }
    pool.shutdown();
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      pool.shutdownNow();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    }
    Map<CellState, Integer> counts = new EnumMap<>(CellState.class);
    int ran = 0;
    for (Map.Entry<CellState, AtomicInteger> e : states.entrySet()) {
      if (e.getValue().get() > 0) {
        counts.put(e.getKey(), e.getValue().get());
        ran += e.getValue().get();
      }
    }
    List<Cell> failedInOrder = new ArrayList<>(failed);
    failedInOrder.sort(Comparator.comparingInt(Cell::index));
    return new RunSummary(
        planned, planned - cells.size(), ran, counts, failedInOrder,
        Duration.between(start, Instant.now()), stop.stopped());
  }

  private CellState runCell(
      ExperimentSpec experiment, CellRunner runner, Cell cell, StopSignal stop)
      throws IOException, InterruptedException {
    int attempts = experiment.retries() + 1;
    for (int attempt = 1; ; attempt++) {
      Path dir = folder.begin(cell);
      listener.started(cell, attempt);
      Instant started = Instant.now();
      Outcome outcome = runner.run(cell, dir, experiment.timeout(), stop);
      CellStatus status =
          new CellStatus(
              cell.id(), outcome.state(), outcome.exitCode(), outcome.signal(), attempt, started,
              Instant.now(), provenance.host(), outcome.error());
      boolean last =
          outcome.state() == CellState.DONE
              || outcome.state() == CellState.INTERRUPTED
              || attempt >= attempts
              || stop.stopped();
      String tail =
          outcome.state() == CellState.DONE ? "" : tail(dir.resolve(ResultsFolder.STDERR));
      if (!last) {
        listener.retrying(cell, status, tail);
        ResultsFolder.deleteTree(dir);
        continue;
      }
      folder.finish(dir, status, outcome.commandLine() == null ? provenance
          : provenance.withCommandLine(outcome.commandLine()));
      listener.ended(cell, status, tail);
      return outcome.state();
    }
  }

  /** The last lines of a cell's stderr, to show with its failure. */
  static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "";
      }
      long size = Files.size(file);
      byte[] bytes;
      try (var in = Files.newInputStream(file)) {
        in.skipNBytes(Math.max(0, size - TAIL_BYTES));
        bytes = in.readAllBytes();
      }
      String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
      String[] lines = text.split("\n", -1);
      int from = Math.max(0, lines.length - TAIL_LINES);
      return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "xyz-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
