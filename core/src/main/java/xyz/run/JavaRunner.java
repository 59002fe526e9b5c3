package xyz.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import xyz.UserError;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.ResultsFolder;

/**
 * Runs a cell inside the JVM. Without a timeout the experiment runs on the worker's own thread;
 * with one, on a thread of its own that is interrupted when time is up. A Java experiment that
 * ignores both the interrupt and {@link CellContext#cancelled()} keeps its thread; the cell is
 * still marked timed out and the run goes on.
 */
final class JavaRunner implements CellRunner {
  private static final long POLL_MILLIS = 50;

  private final Experiment experiment;

  JavaRunner(Experiment experiment) {
    this.experiment = experiment;
  }

  @Override
  public Outcome run(Cell cell, Path dir, Duration timeout, StopSignal stop)
      throws InterruptedException {
    JavaCellContext context = new JavaCellContext(cell, dir, stop);
    Throwable[] thrown = new Throwable[1];
    Runnable body =
        () -> {
          try {
            experiment.run(context);
          } catch (Throwable t) {
            thrown[0] = t;
          }
        };
    if (timeout == null) {
      body.run();
    } else {
      Thread thread = new Thread(body, "xyz-cell-" + cell.id());
      thread.setDaemon(true);
      thread.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (thread.isAlive()) {
        thread.join(POLL_MILLIS);
        boolean late = System.nanoTime() > deadline;
        if (thread.isAlive() && (late || stop.stopped())) {
          context.cancel();
          thread.interrupt();
          thread.join(CommandRunner.GRACE.toMillis());
          close(context);
          return stop.stopped()
              ? new Outcome(CellState.INTERRUPTED, null, null, "interrupted by the user")
              : new Outcome(
                  CellState.TIMEOUT, null, null,
                  "timed out after " + CommandRunner.human(timeout));
        }
      }
    }
    close(context);
    if (thrown[0] == null) {
      return context.cancelled() && stop.stopped()
          ? new Outcome(CellState.INTERRUPTED, null, null, "interrupted by the user")
          : Outcome.done(null);
    }
    if (!(thrown[0] instanceof UserError)) {
      // A user error says all in its message; anything else is the experiment's bug, to trace.
      writeTrace(dir, thrown[0]);
    }
    if (stop.stopped()) {
      return new Outcome(CellState.INTERRUPTED, null, null, "interrupted by the user");
    }
    Throwable t = thrown[0];
    String why = t instanceof UserError ? t.getMessage() : t.getClass().getName() + ": "
        + t.getMessage();
    return new Outcome(CellState.FAILED, null, null, why);
  }

  private static void close(JavaCellContext context) {
    try {
      context.close();
    } catch (IOException ignored) {
      // Closing flushes what the experiment wrote; the outcome stands either way.
    }
  }

  private static void writeTrace(Path dir, Throwable t) {
    try (PrintWriter w =
        new PrintWriter(
            Files.newBufferedWriter(dir.resolve(ResultsFolder.STDERR), StandardCharsets.UTF_8))) {
      t.printStackTrace(w);
    } catch (IOException ignored) {
      // The outcome carries the message; the trace is a convenience.
    }
  }
}
