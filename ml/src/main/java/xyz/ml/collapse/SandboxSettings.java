package xyz.ml.collapse;

import java.util.List;
import java.util.Locale;
import xyz.UserError;
import xyz.ml.Controls;
import xyz.run.CellContext;

/**
 * The parameters of one cell of the unconstrained-features sandbox, each with a default from the
 * authors' configuration (C = 10, d = 20, 10 samples per class, λ = 5e-3, learning rate 0.5,
 * 20 000 steps of full-batch gradient descent, initial parameters N(0, 0.1²)).
 *
 * @param loss the method: {@code ce} or {@code mse}
 * @param classes {@code classes}, C
 * @param perClass {@code per_class}, samples per class
 * @param dim {@code dim}, the feature dimension
 * @param lr {@code lr}, the learning rate
 * @param weightDecay {@code weight_decay}, λ
 * @param steps {@code steps}, gradient steps
 * @param initSd {@code init_sd}, the initial parameters' standard deviation
 * @param snapshots {@code snapshots}, how many log-spaced steps are measured
 * @param seed {@code seed}
 */
public record SandboxSettings(UnconstrainedFeatures.Loss loss, int classes, int perClass,
    int dim, double lr, double weightDecay, int steps, double initSd, int snapshots, long seed) {

  /** The methods (losses) a study may name. */
  public static final List<String> METHODS = List.of("ce", "mse");

  /** The one dataset: features free of any input. */
  public static final String DATASET = "free";

  /** The parameters the sandbox reads besides {@code method} and {@code dataset}. */
  public static final List<String> PARAMETERS = List.of("classes", "per_class", "dim", "lr",
      "weight_decay", "steps", "init_sd", "snapshots", "seed");

  /** Reads the cell's parameters, taking the default for each one the cell lacks. */
  public static SandboxSettings of(CellContext cell) {
    String method = cell.string("method");
    if (!METHODS.contains(method)) {
      throw new UserError("methods: '" + method + "' is not a loss of the unconstrained-features"
          + " sandbox\n  valid: " + String.join(", ", METHODS)
          + "\n  fix: name one of them under `methods:`");
    }
    if (cell.params().containsKey("dataset") && !DATASET.equals(cell.string("dataset"))) {
      throw new UserError("datasets: '" + cell.string("dataset") + "' is not a dataset of the"
          + " unconstrained-features sandbox, whose features are free parameters, not data\n"
          + "  valid: " + DATASET + "\n  fix: `datasets: [" + DATASET + "]`");
    }
    Controls controls = new Controls(cell, "the unconstrained-features sandbox");
    return new SandboxSettings(
        UnconstrainedFeatures.Loss.valueOf(method.toUpperCase(Locale.ROOT)),
        (int) controls.integer("classes", 10, 2, 1000),
        (int) controls.integer("per_class", 10, 1, 100_000),
        (int) controls.integer("dim", 20, 1, 100_000),
        controls.number("lr", 0.5, false),
        controls.number("weight_decay", 5e-3, true),
        (int) controls.integer("steps", 20_000, 1, 100_000_000),
        controls.number("init_sd", 0.1, false),
        (int) controls.integer("snapshots", 50, 2, 10_000),
        cell.params().containsKey("seed") ? cell.integer("seed") : 0);
  }
}
