package xyz.ml;

import java.util.List;
import xyz.ml.data.Datasets;
import xyz.ml.method.Method;
import xyz.run.Experiment;
import xyz.run.ExperimentProvider;

/** Makes the label-noise experiment available to study files as {@code builtin: label-noise}. */
public final class LabelNoiseProvider implements ExperimentProvider {

  /** The name study files use. */
  public static final String NAME = "label-noise";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "fits a classifier to training labels a share p of which are random "
        + "(Zhang et al. 2017); observes train_acc, test_acc, fit_seconds";
  }

  @Override
  public Experiment create() {
    return new LabelNoiseExperiment();
  }

  @Override
  public List<String> methods() {
    return Method.ids();
  }

  @Override
  public List<String> datasets() {
    return Datasets.names();
  }

  @Override
  public List<String> controls() {
    return List.of("p", "seed");
  }

  @Override
  public List<String> requiredControls() {
    return List.of("p", "seed");
  }
}
