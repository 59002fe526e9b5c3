package xyz.run;

import java.nio.file.Path;
import java.time.Duration;
import xyz.plan.Cell;

/** Runs one attempt of one cell in its working folder; one implementation per experiment kind. */
public interface CellRunner {

  /**
   * Runs the cell and returns how it ended; never throws for a failure of the experiment itself.
   *
   * @param cell the cell and its parameters
   * @param dir the attempt's folder, holding params.json; observables, stdout and stderr go here
   * @param timeout the longest the attempt may run, or null for no limit
   * @param stop set when the whole run is being stopped
   */
  Outcome run(Cell cell, Path dir, Duration timeout, StopSignal stop) throws InterruptedException;
}
