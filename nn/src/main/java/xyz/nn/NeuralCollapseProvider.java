package xyz.nn;

import java.util.List;
import xyz.nn.data.ImageDatasets;
import xyz.run.Experiment;
import xyz.run.ExperimentProvider;

/**
 * Makes the neural-collapse experiment available to study files as
 * {@code builtin: neural-collapse}.
 */
public final class NeuralCollapseProvider implements ExperimentProvider {

  /** The name study files use. */
  public static final String NAME = "neural-collapse";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "trains a network (mlp3, mlp6, mlp9, cnn) on MNIST, Fashion-MNIST or the 8x8 digits"
        + " past zero training error; observes loss, error and NC1-NC4 at log-spaced epochs";
  }

  @Override
  public Experiment create() {
    return new NeuralCollapseExperiment();
  }

  @Override
  public List<String> methods() {
    return Net.ids();
  }

  @Override
  public List<String> datasets() {
    return ImageDatasets.NAMES;
  }

  @Override
  public List<String> controls() {
    return NeuralCollapseSettings.CONTROLS;
  }
}
