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
}
