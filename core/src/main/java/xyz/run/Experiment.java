package xyz.run;

/**
 * An experiment run inside the JVM, one call per cell. Implementations need a public no-argument
 * constructor; one instance may run many cells, from several threads at once.
 */
public interface Experiment {

  /**
   * Runs one cell: reads its parameters from the context and records observables through it.
   * Throwing fails the cell (and the error is shown with the cell's parameters); the experiment
   * should return soon after {@link CellContext#cancelled()} turns true.
   */
  void run(CellContext cell) throws Exception;
}
