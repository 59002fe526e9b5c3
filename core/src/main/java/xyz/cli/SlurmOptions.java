package xyz.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import xyz.UserError;
import xyz.study.Durations;
import xyz.study.SlurmSpec;
import xyz.study.Study;

/**
 * The executor flags of {@code run} and {@code plan}: {@code --executor} and the Slurm options,
 * each winning over the study file's key of the same name.
 */
final class SlurmOptions {
  static final List<String> EXECUTORS = List.of("local", "slurm");

  @Option(names = "--executor", paramLabel = "TYPE",
      description = "Where the cells run: local or slurm (default: the study's executor.type).")
  String executor;

  @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition.")
  String partition;

  @Option(names = "--time", paramLabel = "DURATION",
      description = "Slurm wall-time limit of one array task, such as 2h.")
  String time;

  @Option(names = "--mem", paramLabel = "SIZE", description = "Slurm memory of one task: 4G.")
  String mem;

  @Option(names = "--cpus", paramLabel = "N", description = "Slurm CPUs of one task.")
  Integer cpus;

  @Option(names = "--gres", paramLabel = "GRES", description = "Slurm generic resources: gpu:1.")
  String gres;

  @Option(names = "--account", paramLabel = "NAME", description = "Slurm account.")
  String account;

  @Option(names = "--qos", paramLabel = "NAME", description = "Slurm quality of service.")
  String qos;

  @Option(names = "--extra", paramLabel = "OPTION",
      description = "One more sbatch option, such as --extra=--constraint=avx2 (repeatable).")
  List<String> extra;

  @Option(names = "--cells-per-task", paramLabel = "N",
      description = "Cells one Slurm array task runs, one after the other.")
  Integer cellsPerTask;

  @Option(names = "--target-task-time", paramLabel = "DURATION",
      description = "Wall time one Slurm array task should take; sizes the tasks.")
  String targetTaskTime;

  @Option(names = "--throttle", paramLabel = "N",
      description = "The most Slurm array tasks running at once.")
  Integer throttle;

  /** Whether the study runs on Slurm: the flag, else the study's executor. */
  boolean slurm(Study study) {
    String type = executor == null ? study.executor().type()
        : Choices.check("--executor", executor, EXECUTORS);
    return type.equals("slurm");
  }

  /** The study's Slurm options with the flags on top. */
  SlurmSpec spec(Study study) {
    SlurmSpec s = study.executor().slurm();
    List<String> extras = new ArrayList<>(s.extra());
    if (extra != null) {
      for (String e : extra) {
        if (!e.startsWith("-")) {
          throw new UserError("--extra: '" + e + "' is not an sbatch option\n  fix: give one "
              + "option starting with - or --, such as --extra=--constraint=avx2");
        }
        extras.add(e);
      }
    }
    Integer perTask = positive("--cells-per-task", cellsPerTask);
    Duration target = duration("--target-task-time", targetTaskTime);
    return new SlurmSpec(
        partition != null ? partition : s.partition(),
        time != null ? duration("--time", time) : s.time(),
        mem != null ? memory(mem) : s.mem(),
        cpus != null ? positive("--cpus", cpus) : s.cpus(),
        gres != null ? gres : s.gres(),
        account != null ? account : s.account(),
        qos != null ? qos : s.qos(),
        extras,
        perTask != null ? perTask : target != null ? null : s.cellsPerTask(),
        target != null ? target : perTask != null ? null : s.targetTaskTime(),
        throttle != null ? positive("--throttle", throttle) : s.throttle());
  }

  private static Integer positive(String flag, Integer n) {
    if (n != null && n < 1) {
      throw new UserError(flag + ": " + n + " is not a count\n  fix: give 1 or more");
    }
    return n;
  }

  private static Duration duration(String flag, String text) {
    if (text == null) {
      return null;
    }
    return Durations.parse(text).orElseThrow(() -> new UserError(
        flag + ": '" + text + "' is not a duration\n  fix: a whole number and a unit: 30m, 2h,"
            + " 1h30m"));
  }

  private static String memory(String text) {
    if (!text.matches("[0-9]+[KMGT]?")) {
      throw new UserError("--mem: '" + text + "' is not a Slurm memory size\n  fix: a whole "
          + "number with K, M, G or T, such as --mem 4G");
    }
    return text;
  }
}
