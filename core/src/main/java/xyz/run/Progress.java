package xyz.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.CellStatus;
import xyz.study.Values;

/**
 * Shows a running study: a redrawn progress bar with done, failed, running, left and ETA on a
 * terminal, or a plain line every few seconds when the output is a file or a pipe. A failing cell
 * is shown the moment it fails, with its parameters and the tail of its stderr.
 */
public final class Progress implements RunListener, AutoCloseable {
  private static final int BAR_WIDTH = 24;
  private static final long BAR_MILLIS = 200;
  private static final long PLAIN_MILLIS = 5000;

  private final PrintWriter out;
  private final boolean terminal;
  private final int total;
  private final int retries;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final Thread ticker;
  private long lastPlain = System.nanoTime();
  private boolean barShown;

  /**
   * @param out where progress goes (stderr)
   * @param terminal whether {@code out} is a terminal that can redraw a line
   * @param total the cells this run will run
   * @param retries the experiment's retries, to say "attempt 2 of 3"
   */
  public Progress(PrintWriter out, boolean terminal, int total, int retries) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.retries = retries;
    this.ticker = new Thread(this::tick, "xyz-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  @Override
  public void started(Cell cell, int attempt) {
    if (attempt == 1) {
      running.incrementAndGet();
    }
  }

  @Override
  public synchronized void retrying(Cell cell, CellStatus status, String stderrTail) {
    report("retrying", cell, status, stderrTail);
  }

  @Override
  public synchronized void ended(Cell cell, CellStatus status, String stderrTail) {
    running.decrementAndGet();
    if (status.state() == CellState.DONE) {
      done.incrementAndGet();
      return;
    }
    failed.incrementAndGet();
    if (status.state() != CellState.INTERRUPTED) {
      report(status.state().label().toUpperCase(Locale.ROOT), cell, status, stderrTail);
    }
  }

  private void report(String what, Cell cell, CellStatus status, String stderrTail) {
    clearBar();
    out.println(
        "xyz: " + what + " " + cell.id() + " (" + params(cell.params()) + "), attempt "
            + status.attempt() + " of " + (retries + 1) + ": " + status.error());
    if (!stderrTail.isEmpty()) {
      for (String line : stderrTail.split("\n", -1)) {
        out.println("    | " + line);
      }
    }
    out.flush();
  }

  /** The parameters as {@code name=label} pairs, as messages show them. */
  public static String params(Map<String, Object> params) {
    StringJoiner j = new StringJoiner(" ");
    params.forEach((k, v) -> j.add(k + "=" + Values.label(v)));
    return j.toString();
  }

  private void tick() {
    try {
      while (true) {
        Thread.sleep(BAR_MILLIS);
        synchronized (this) {
          if (terminal) {
            drawBar();
          } else if (System.nanoTime() - lastPlain > PLAIN_MILLIS * 1_000_000) {
            out.println("xyz: " + line());
            out.flush();
            lastPlain = System.nanoTime();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drawBar() {
    int ended = done.get() + failed.get();
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * ended / total);
    String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    out.print("\r[" + bar + "] " + line() + "\u001b[K");
    out.flush();
    barShown = true;
  }

  private void clearBar() {
    if (barShown) {
      out.print("\r\u001b[K");
      barShown = false;
    }
  }

  /** One line of counts: done, failed, running, left and the estimated time left. */
  String line() {
    int d = done.get();
    int f = failed.get();
    int r = Math.max(0, running.get());
    int left = Math.max(0, total - d - f - r);
    return String.format(
        Locale.ROOT, "%d/%d ended: %d done, %d failed, %d running, %d left, ETA %s",
        d + f, total, d, f, r, left, eta(d + f));
  }

  private String eta(int ended) {
    if (ended == 0) {
      return "?";
    }
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    long seconds = Math.round(elapsed / ended * (total - ended));
    return clock(Duration.ofSeconds(seconds));
  }

  /** A duration as {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
  public static String clock(Duration d) {
    long s = d.toSeconds();
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }

  @Override
  public synchronized void close() {
    ticker.interrupt();
    clearBar();
    out.flush();
  }
}
