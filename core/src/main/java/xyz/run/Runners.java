package xyz.run;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import xyz.UserError;
import xyz.study.ExperimentSpec;
import xyz.study.Study;

/** Finds the runner for a study's experiment: a command, a Java class or a built-in. */
public final class Runners {
  private Runners() {}

  /** The runner of the study's experiment; a missing class or built-in is a user error. */
  public static CellRunner of(Study study) {
    ExperimentSpec spec = study.experiment();
    if (spec instanceof ExperimentSpec.Command c) {
      requireProgram(study, c);
      return new CommandRunner(c, study.name());
    }
    if (spec instanceof ExperimentSpec.JavaClass j) {
      return new JavaRunner(instantiate(study, j.className()));
    }
    ExperimentSpec.Builtin b = (ExperimentSpec.Builtin) spec;
    ExperimentProvider provider = builtin(study, b.name());
    BuiltinLevels.check(study, provider);
    return new JavaRunner(provider.create());
  }

  /**
   * Refuses a command whose program cannot be found, before any cell runs: every cell would fail
   * the same way, and each would then need {@code --rerun failed}.
   */
  private static void requireProgram(Study study, ExperimentSpec.Command c) {
    String program = c.argv().get(0);
    if (program.contains("{")) {
      return;
    }
    if (program.contains("/")) {
      Path path = c.workdir().resolve(program);
      if (!Files.isExecutable(path)) {
        throw new UserError(
            study.file() + ": experiment.command: '" + program + "' is not an executable file in "
                + c.workdir() + "\n  fix: check the path (it is relative to the study's folder or"
                + " workdir), or make the file executable with `chmod +x " + program + "`");
      }
      return;
    }
    String pathVar = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVar.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return;
      }
    }
    String interpreter = program.endsWith(".py") ? "python3" : program.endsWith(".sh") ? "sh"
        : program.endsWith(".R") ? "Rscript" : null;
    throw new UserError(
        study.file() + ": experiment.command: program '" + program + "' is not on the PATH\n"
            + "  fix: " + (interpreter == null ? "install it, or give its full path"
                : "start it through its interpreter: `command: [" + interpreter + ", "
                    + program + ", ...]`"));
  }

  /** The built-in experiments on the classpath, in a stable order. */
  public static List<ExperimentProvider> builtins() {
    List<ExperimentProvider> all = new ArrayList<>();
    ServiceLoader.load(ExperimentProvider.class).forEach(all::add);
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  private static ExperimentProvider builtin(Study study, String name) {
    List<ExperimentProvider> all = builtins();
    for (ExperimentProvider p : all) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    List<String> names = all.stream().map(ExperimentProvider::name).toList();
    throw new UserError(
        study.file() + ": experiment.builtin: no built-in experiment '" + name + "'\n"
            + "  valid: " + (names.isEmpty() ? "(none on the classpath)" : String.join(", ", names))
            + "\n  fix: name one of these, or use `command:` or `java:` for your own code");
  }

  private static Experiment instantiate(Study study, String className) {
    String where = study.file() + ": experiment.java: ";
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new UserError(
          where + "class '" + className + "' is not on the classpath\n"
              + "  fix: check the name, and put its classes on the classpath, such as "
              + "`CLASSPATH=build/classes ./xyz run " + study.file() + "`");
    }
    if (!Experiment.class.isAssignableFrom(type)) {
      throw new UserError(
          where + "class '" + className + "' does not implement " + Experiment.class.getName());
    }
    try {
      return (Experiment) type.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new UserError(
          where + "class '" + className + "' needs a public no-argument constructor");
    } catch (InstantiationException | IllegalAccessException e) {
      throw new UserError(where + "cannot create '" + className + "': " + e.getMessage());
    } catch (InvocationTargetException e) {
      throw new UserError(
          where + "the constructor of '" + className + "' failed: " + e.getCause(), e.getCause());
    }
  }
}
