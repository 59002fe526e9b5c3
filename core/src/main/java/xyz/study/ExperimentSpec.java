package xyz.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How one cell of a study runs: a command, a Java class or a built-in experiment, with the
 * per-cell timeout and retries.
 */
public sealed interface ExperimentSpec {

  /** The longest one attempt may run, or null for no limit. */
  Duration timeout();

  /** How many times a failed or timed-out attempt is tried again (0: once in all). */
  int retries();

  /**
   * What makes two runs the same experiment, beside the parameters: part of every cell id. It
   * names the kind and the command or class, and the user's {@code version}, so that changing the
   * experiment's code is declared by bumping the version rather than guessed.
   */
  String identity();

  /**
   * A program run without a shell.
   *
   * @param argv the argument template; {@code {name}} placeholders are replaced by values
   * @param workdir where the program runs (by default the study file's folder)
   * @param env extra environment variables
   */
  record Command(
      List<String> argv, Path workdir, Map<String, String> env, Duration timeout, int retries,
      String version) implements ExperimentSpec {
    @Override
    public String identity() {
      return "command:" + String.join("\u0000", argv) + "#" + version;
    }
  }

  /**
   * A class on the classpath implementing {@link xyz.run.Experiment}, run inside the JVM.
   *
   * @param className the fully qualified class name
   */
  record JavaClass(String className, Duration timeout, int retries, String version)
      implements ExperimentSpec {
    @Override
    public String identity() {
      return "java:" + className + "#" + version;
    }
  }

  /**
   * An experiment that ships with xyz, found by name through {@link xyz.run.ExperimentProvider}.
   *
   * @param name the provider's name, such as {@code label-noise}
   */
  record Builtin(String name, Duration timeout, int retries, String version)
      implements ExperimentSpec {
    @Override
    public String identity() {
      return "builtin:" + name + "#" + version;
    }
  }
}
