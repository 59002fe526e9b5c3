package xyz.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import xyz.plan.Cell;
import xyz.store.CellState;
import xyz.store.Provenance;
import xyz.store.ResultsFolder;
import xyz.study.ExperimentSpec;
import xyz.study.Values;

/**
 * Runs a cell as a program, without a shell: the argument template filled with the cell's values,
 * the parameters also as {@code XYZ_PARAM_<name>} variables and in {@code params.json}, and the
 * file for observables in {@code XYZ_OBSERVATIONS}. A program whose stdout or stderr grows past
 * {@value #OUTPUT_LIMIT_PROPERTY} bytes (1 GiB by default) is stopped and its cell failed, so that
 * a runaway print loop cannot fill the disk.
 */
final class CommandRunner implements CellRunner {
  /** How long a stopped program has between SIGTERM and SIGKILL. */
  static final Duration GRACE = Duration.ofSeconds(5);

  /** System property: the most bytes a cell's stdout.txt or stderr.txt may reach. */
  static final String OUTPUT_LIMIT_PROPERTY = "xyz.run.outputLimit";

  private static final long DEFAULT_OUTPUT_LIMIT = 1L << 30;
  private static final long POLL_MILLIS = 50;
  private static final long SIGNAL_SETTLE_MILLIS = 100;
  private static final int SIGINT = 2;
  private static final File NO_INPUT = new File("/dev/null");

  private final ExperimentSpec.Command spec;
  private final String studyName;

  CommandRunner(ExperimentSpec.Command spec, String studyName) {
    this.spec = spec;
    this.studyName = studyName;
  }

  @Override
  public Outcome run(Cell cell, Path dir, Duration timeout, StopSignal stop)
      throws InterruptedException {
    List<String> argv = Placeholders.fill(spec.argv(), cell, dir);
    return attempt(argv, cell, dir, timeout, stop).ran(Provenance.commandLine(argv));
  }

  private Outcome attempt(List<String> argv, Cell cell, Path dir, Duration timeout,
      StopSignal stop) throws InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(spec.workdir().toFile());
    pb.redirectInput(NO_INPUT);
    pb.redirectOutput(dir.resolve(ResultsFolder.STDOUT).toFile());
    pb.redirectError(dir.resolve(ResultsFolder.STDERR).toFile());
    environment(pb.environment(), cell, dir);

    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      String why = "cannot start '" + argv.get(0) + "' in " + spec.workdir() + ": " + reason(e);
      note(dir, why);
      return new Outcome(CellState.FAILED, null, null, why);
    }

    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    long limit = Long.getLong(OUTPUT_LIMIT_PROPERTY, DEFAULT_OUTPUT_LIMIT);
    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      if (stop.stopped()) {
        kill(process);
        return new Outcome(CellState.INTERRUPTED, null, signal(process), "interrupted by the user");
      }
      if (System.nanoTime() > deadline) {
        kill(process);
        return new Outcome(
            CellState.TIMEOUT, null, signal(process), "timed out after " + human(timeout));
      }
      String flooded = flooded(dir, limit);
      if (flooded != null) {
        kill(process);
        String why = flooded + " passed " + limit + " bytes, so the program was stopped (the limit"
            + " is the system property " + OUTPUT_LIMIT_PROPERTY + ")";
        append(dir, why);
        return new Outcome(CellState.FAILED, null, signal(process), why);
      }
    }
    int code = process.exitValue();
    if (code == 0) {
      return Outcome.done(0);
    }
    Integer signal = signal(process);
    if (interruptedByUser(signal, stop)) {
      return new Outcome(CellState.INTERRUPTED, code, signal, "interrupted by the user");
    }
    String why = signal != null ? "killed by signal " + signal : "exit code " + code;
    return new Outcome(CellState.FAILED, code, signal, why);
  }

  private void environment(Map<String, String> env, Cell cell, Path dir) {
    env.putAll(spec.env());
    env.put("XYZ_STUDY", studyName);
    env.put("XYZ_CELL_ID", cell.id());
    env.put("XYZ_CELL_DIR", dir.toAbsolutePath().toString());
    env.put("XYZ_PARAMS", dir.resolve(ResultsFolder.PARAMS).toAbsolutePath().toString());
    env.put(
        "XYZ_OBSERVATIONS", dir.resolve(ResultsFolder.OBSERVATIONS).toAbsolutePath().toString());
    for (Map.Entry<String, Object> p : cell.params().entrySet()) {
      env.put("XYZ_PARAM_" + p.getKey(), Values.label(p.getValue()));
    }
  }

  /**
   * Whether a program that failed was stopped by the user. A terminal's Ctrl-C reaches the whole
   * process group, so the program may die of it before xyz has marked the run as stopping: a
   * SIGINT is the user's, and any other failure is checked again after xyz had time to notice.
   */
  private static boolean interruptedByUser(Integer signal, StopSignal stop)
      throws InterruptedException {
    if (signal != null && signal == SIGINT) {
      // The user's Ctrl-C: stop now, before this worker takes the next cell.
      stop.stop();
    }
    if (stop.stopped()) {
      return true;
    }
    Thread.sleep(SIGNAL_SETTLE_MILLIS);
    return stop.stopped();
  }

  /** Stops the program and everything it started: SIGTERM first, SIGKILL after the grace time. */
  static void kill(Process process) throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** The JDK reports a process ended by signal N as exit code 128 + N. */
  private static Integer signal(Process process) {
    if (process.isAlive()) {
      return null;
    }
    int code = process.exitValue();
    return code > 128 && code < 160 ? code - 128 : null;
  }

  private static String reason(IOException e) {
    String m = String.valueOf(e.getMessage());
    int at = m.indexOf("error=");
    return at >= 0 ? m.substring(at) : m;
  }

  /** The output file that has grown past the limit, or null. */
  private static String flooded(Path dir, long limit) {
    for (String name : List.of(ResultsFolder.STDOUT, ResultsFolder.STDERR)) {
      try {
        if (Files.size(dir.resolve(name)) > limit) {
          return name;
        }
      } catch (IOException e) {
        // A file that cannot be measured is not growing through this redirect.
      }
    }
    return null;
  }

  private static void note(Path dir, String why) {
    write(dir, "xyz: " + why + "\n", StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** Adds the reason after what the program wrote to its stderr. */
  private static void append(Path dir, String why) {
    write(dir, "\nxyz: " + why + "\n", StandardOpenOption.APPEND);
  }

  private static void write(Path dir, String text, StandardOpenOption mode) {
    try {
      Files.writeString(dir.resolve(ResultsFolder.STDERR), text, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
    } catch (IOException ignored) {
      // The outcome already carries the reason; a missing stderr file loses nothing more.
    }
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }
    return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
  }
}
