package xyz.serve;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import xyz.run.CellContext;
import xyz.run.Experiment;

/**
 * A cell that waits at a gate: cells with {@code k = 2} run until the test opens it, so that
 * the test sees a study with some cells done and some running.
 */
public final class GateExperiment implements Experiment {
  /** Opened by the test; the waiting cells then end. */
  static volatile CountDownLatch gate = new CountDownLatch(1);

  @Override
  public void run(CellContext cell) throws InterruptedException {
    long k = cell.integer("k");
    if (k == 2 && !gate.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never opened the gate");
    }
    cell.observe("score", k + cell.integer("seed") / 8.0);
    cell.out().println("cell with k=" + k + " ran");
  }
}
