package xyz.ml.collapse;

import java.util.List;
import xyz.run.Experiment;
import xyz.run.ExperimentProvider;

/** Makes the sandbox available to study files as {@code builtin: unconstrained-features}. */
public final class UnconstrainedFeaturesProvider implements ExperimentProvider {

  /** The name study files use. */
  public static final String NAME = "unconstrained-features";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "optimises free last-layer features and a linear classifier (the unconstrained-features"
        + " model) and measures neural collapse at log-spaced steps; observes loss, train_error,"
        + " nc1, cv_means, self_duality, ncc_mismatch and the other collapse measures";
  }

  @Override
  public Experiment create() {
    return new UnconstrainedFeaturesExperiment();
  }

  @Override
  public List<String> methods() {
    return SandboxSettings.METHODS;
  }

  @Override
  public List<String> datasets() {
    return List.of(SandboxSettings.DATASET);
  }

  @Override
  public List<String> controls() {
    return SandboxSettings.PARAMETERS;
  }
}
