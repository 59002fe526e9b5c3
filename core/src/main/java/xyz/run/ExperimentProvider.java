package xyz.run;

/**
 * A built-in experiment, found with {@link java.util.ServiceLoader} so that experiments with heavy
 * dependencies live in modules of their own. Study files name it as {@code builtin: NAME}.
 */
public interface ExperimentProvider {

  /** The name study files use, such as {@code label-noise}. */
  String name();

  /** One line on what the experiment does, for error messages and {@code --help}. */
  String description();

  /** A new instance of the experiment. */
  Experiment create();

  /**
   * The methods the experiment knows, checked against the study's {@code methods} before any
   * cell runs; empty (the default) when it takes any name.
   */
  default java.util.List<String> methods() {
    return java.util.List.of();
  }

  /**
   * The controls the experiment reads; a study's other controls are refused before any cell
   * runs (a misspelt one would run every cell on its default). Empty (the default) when it takes
   * any.
   */
  default java.util.List<String> controls() {
    return java.util.List.of();
  }

  /** The controls every study of this experiment must declare. */
  default java.util.List<String> requiredControls() {
    return java.util.List.of();
  }

  /** The datasets the experiment knows, as {@link #methods()} for {@code datasets}. */
  default java.util.List<String> datasets() {
    return java.util.List.of();
  }
}
