package xyz.run;

/**
 * Tells running cells that the run is being stopped (Ctrl-C): a runner checks it and returns
 * with an interrupted outcome instead of a failure.
 */
public final class StopSignal {
  private volatile boolean stopped;

  /** Asks every running cell to stop. */
  public void stop() {
    stopped = true;
  }

  /** Whether the run is being stopped. */
  public boolean stopped() {
    return stopped;
  }
}
