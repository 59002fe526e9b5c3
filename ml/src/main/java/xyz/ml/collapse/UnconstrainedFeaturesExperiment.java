package xyz.ml.collapse;

import xyz.run.CellContext;
import xyz.run.Experiment;

/**
 * One cell of the unconstrained-features sandbox: optimises free features and a linear
 * classifier (see {@link UnconstrainedFeatures}) and measures neural collapse along the way.
 *
 * <p>Parameters: see {@link SandboxSettings}; every one but {@code method} has a default. At
 * {@code snapshots} log-spaced steps from 1 to {@code steps} (every step at first; no step 0, which
 * a log axis cannot show) it records, with the step,
 * {@code loss} (the objective, weight decay included), {@code data_loss}, {@code train_error} and
 * every measure of {@link CollapseMeasures} under its own name. A run that diverges records the
 * step where it did, as NaN observables with the reason in the cell's log, and stops.
 */
public final class UnconstrainedFeaturesExperiment implements Experiment {

  // Keeps the sandbox's draws apart from any other use of the same seed.
  private static final long SALT = 0x0f5eedL;

  @Override
  public void run(CellContext cell) {
    SandboxSettings s = SandboxSettings.of(cell);
    UnconstrainedFeatures model = new UnconstrainedFeatures(s.loss(), s.classes(), s.perClass(),
        s.dim(), s.weightDecay(), s.initSd(), s.seed() ^ SALT);
    long[] snapshots = LogSpacedSteps.between(1, s.steps(), s.snapshots());
    int next = 0;
    for (int step = 1; step <= s.steps(); step++) {
      model.step(s.lr());
      if (next < snapshots.length && step == snapshots[next]) {
        record(cell, step, model);
        next++;
        if (!model.finite()) {
          cell.out().println("step " + step + ": the optimisation diverged (learning rate "
              + s.lr() + " is too large); stopping");
          return;
        }
      }
      if ((step & 1023) == 0 && cell.cancelled()) {
        return;
      }
    }
  }

  private static void record(CellContext cell, long step, UnconstrainedFeatures model) {
    cell.observe(step, "loss", model.objective());
    cell.observe(step, "data_loss", model.dataLoss());
    cell.observe(step, "train_error", model.trainError());
    model.measure().observe(cell, step, "");
  }
}
