package xyz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xyz.UserError;
import xyz.study.Study;
import xyz.study.StudyReader;

/**
 * The study file every command reads, and where its results go: a picocli mixin, public for
 * the commands of other modules ({@link CommandProvider}).
 */
public final class StudyOptions {
  @Parameters(index = "0", paramLabel = "STUDY", description = "The study file (YAML).")
  Path file;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "The results folder (default: the study's `results:`, or results/ beside it).")
  Path results;

  /**
   * How a later command names this study: the file, and the results folder when the command
   * line moved it, so that a hint can be pasted as it is.
   */
  static String target(Study study) {
    Path usual = study.file().toAbsolutePath().getParent().resolve("results").normalize();
    boolean moved = !study.resultsDir().toAbsolutePath().normalize().equals(usual);
    return study.file() + (moved ? " --results " + study.resultsDir() : "");
  }

  /** Reads and validates the study file, with the results folder of the command line. */
  public Study load() {
    if (!Files.exists(file)) {
      throw new UserError(
          file + ": no such study file\n  fix: give the path of a study YAML file, such as "
              + "examples/label-noise/study.yaml");
    }
    if (Files.isDirectory(file)) {
      throw new UserError(
          file + ": is a folder, not a study file\n  fix: name the YAML file in it");
    }
    Study s = StudyReader.read(file);
    Path folder = results != null ? results : s.resultsDir();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserError((results != null ? "--results " : s.file() + ": results: ") + folder
          + ": is a file, not a folder\n  fix: name a folder for the results (it is made when"
          + " missing), such as " + folder.resolveSibling("results"));
    }
    if (results == null) {
      return s;
    }
    return new Study(
        s.name(), s.file(), results, s.axes(), s.observables(), s.experiment(), s.executor(),
        s.figures(), s.grid());
  }
}
