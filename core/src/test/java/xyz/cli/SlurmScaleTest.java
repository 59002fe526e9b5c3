package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study of 10,000 short cells on the real cluster, with every Slurm command behind a wrapper
 * on the PATH that logs the call and hands it to the real command: submission takes at most 3
 * sbatch calls, and status one squeue and one sacct call. The tasks are held, so nothing runs;
 * the times go to target/slurm-scale.txt.
 */
class SlurmScaleTest {
  private static final List<String> COMMANDS =
      List.of("sbatch", "squeue", "sacct", "scancel", "scontrol");

  @TempDir Path tmp;
  private Path log;
  private Path bin;

  @BeforeEach
  void wrappers() throws Exception {
    SlurmCluster.require();
    log = tmp.resolve("calls.log");
    bin = Files.createDirectories(tmp.resolve("bin"));
    for (String c : COMMANDS) {
      Path real = onPath(c);
      Path w = bin.resolve(c);
      Files.writeString(w, "#!/bin/sh\necho \"" + c + " $*\" >> '" + log + "'\nexec '" + real
          + "' \"$@\"\n");
      Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static Path onPath(String command) {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(command + " is not on the PATH");
  }

  private record Run(int code, String out, double seconds) {}

  private Run xyz(String... args) throws Exception {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "xyz.cli.Main"));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectInput(new File("/dev/null"));
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    long start = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, (System.nanoTime() - start) / 1e9);
  }

  private List<String> calls(String command) throws Exception {
    if (!Files.exists(log)) {
      return List.of();
    }
    return Files.readAllLines(log).stream().filter(l -> l.startsWith(command + " ")).toList();
  }

  @Test
  void tenThousandCellsGoInTwoSbatchCallsAndStatusIsOneSqueueAndOneSacct() throws Exception {
    Path study = Cli.study(tmp.resolve("big"), """
        study: big
        methods: [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9]
        datasets: [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9]
        controls:
          k: {range: [0, 100]}
        observables: [v]
        experiment:
          command: ["true"]
        executor:
          type: slurm
          cells_per_task: 5
          extra: [--hold]
        """);

    Run submit = xyz("run", study.toString());
    List<String> sbatch = calls("sbatch");
    Files.delete(log);
    Run status = xyz("status", study.toString());
    List<String> squeue = calls("squeue");
    List<String> sacct = calls("sacct");
    Files.delete(log);
    Run cancel = xyz("cancel", study.toString());
    List<String> scancel = calls("scancel");
    awaitEmptyQueue(study);
    Run after = xyz("status", study.toString());

    assertThat(submit.code()).as(submit.out()).isZero();
    assertThat(submit.out()).contains("submitted 10000 of 10000 cells of big to Slurm as 2000 "
        + "array tasks (5 cells each)");
    assertThat(sbatch).hasSize(2);
    assertThat(status.code()).as(status.out()).isZero();
    assertThat(status.out()).contains("big: 10000 cells").contains("pending       10000")
        .contains("array tasks: 2000 pending");
    assertThat(squeue).hasSize(1);
    assertThat(sacct).hasSize(1);
    assertThat(cancel.out()).contains("cancelled Slurm jobs");
    assertThat(scancel).hasSize(1);
    assertThat(after.out()).as(after.out()).contains("lost          10000")
        .contains("pending       0");
    String figures = String.format(Locale.ROOT,
        "10,000 cells, 2,000 array tasks, 2 arrays: xyz run (submit) %.2f s wall, xyz status "
            + "%.2f s wall, xyz cancel %.2f s wall; %s%n",
        submit.seconds(), status.seconds(), cancel.seconds(),
        submit.out().lines().filter(l -> l.contains("submitted")).findFirst().orElse(""));
    Files.writeString(Path.of("target", "slurm-scale.txt"), figures);
    System.out.print(figures);
  }

  private static void awaitEmptyQueue(Path study) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String out = SlurmCluster.call("squeue", "-h", "-n", "xyz-big");
      if (out.isBlank()) {
        return;
      }
      Thread.sleep(200);
    }
  }
}
