package xyz.serve;

import xyz.run.CellContext;
import xyz.run.Experiment;

/**
 * A study whose every value is known in advance, in binary fractions that doubles hold
 * exactly: {@code score = method + dataset / 2 + k / 4 + (seed - 1) / 8}, where method and
 * dataset are their level positions plus one, and a series {@code loss = k * step + seed} for
 * steps 1 to 3. The three seeds sit at -1/8, 0 and +1/8, so that their standard deviation is
 * exactly 1/8.
 */
public final class FixtureExperiment implements Experiment {
  @Override
  public void run(CellContext cell) {
    String method = cell.string("method");
    String dataset = cell.string("dataset");
    long k = cell.integer("k");
    long seed = cell.integer("seed");
    double m = method.equals("alpha") ? 1 : 2;
    double d = dataset.equals("one") ? 1 : 2;
    if (method.equals("beta") && dataset.equals("two") && k == 4 && seed == 2) {
      throw new IllegalStateException("this cell fails on purpose");
    }
    for (long step = 1; step <= 3; step++) {
      cell.observe(step, "loss", k * step + seed);
    }
    cell.observe("score", m + d / 2 + k / 4.0 + (seed - 1) / 8.0);
    cell.out().println("fitting " + method + " on " + dataset + " with k=" + k + ", seed "
        + seed);
  }
}
