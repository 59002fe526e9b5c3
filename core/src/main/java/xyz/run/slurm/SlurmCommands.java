package xyz.run.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xyz.UserError;

/**
 * The Slurm client commands xyz calls: {@code sbatch}, {@code squeue}, {@code sacct},
 * {@code scancel} and {@code scontrol}, found on the PATH. Each method is one call, whatever
 * the number of jobs, so that a study never floods the controller with requests.
 */
public final class SlurmCommands {
  /** The array size Slurm allows when the cluster does not say (its built-in default). */
  public static final int DEFAULT_MAX_ARRAY_SIZE = 1001;

  private static final Pattern MAX_ARRAY = Pattern.compile("(?m)^MaxArraySize\\s*=\\s*(\\d+)");
  private static final long TIMEOUT_SECONDS = 120;

  /** One line of {@code squeue}: a task that is pending or running. */
  public record Queued(TaskId task, String state, String reason) {}

  /** One record of {@code sacct}: the tasks it covers and their Slurm state. */
  public record Accounted(String jobId, List<Integer> tasks, String state, String exitCode) {}

  /** Whether the Slurm commands are on the PATH. */
  public static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, "sbatch"))) {
        return true;
      }
    }
    return false;
  }

  /** The cluster's {@code MaxArraySize}: the most tasks one array may have. */
  public int maxArraySize() {
    Result r = call(List.of("scontrol", "show", "config"), null);
    if (r.code != 0) {
      throw failure("scontrol show config", r);
    }
    Matcher m = MAX_ARRAY.matcher(r.out);
    return m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_MAX_ARRAY_SIZE;
  }

  /** Submits a batch script and returns its job id. */
  public String submit(Path script) {
    Result r = call(List.of("sbatch", "--parsable", script.toString()), null);
    if (r.code != 0) {
      throw new UserError("sbatch refused " + script + ":\n  " + r.err.strip().replace("\n", "\n  ")
          + "\n  fix: check the executor's options (partition, time, mem, account, qos, extra)"
          + " against `sinfo` and the cluster's rules; `xyz plan --executor slurm` shows the"
          + " script");
    }
    String id = r.out.strip();
    int semicolon = id.indexOf(';');
    return semicolon < 0 ? id : id.substring(0, semicolon);
  }

  /** The pending and running tasks of these jobs, one per task. */
  public List<Queued> queue(Collection<String> jobIds) {
    List<Queued> out = new ArrayList<>();
    if (jobIds.isEmpty()) {
      return out;
    }
    Result r = call(List.of("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o",
        "%i|%T|%r"), null);
    if (r.code != 0) {
      // A single id that the controller has forgotten is an error; it is simply not queued.
      if (r.err.contains("Invalid job id")) {
        return out;
      }
      throw failure("squeue", r);
    }
    for (String line : r.out.split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      if (f.length >= 2 && !f[0].isEmpty()) {
        for (TaskId t : TaskId.parse(f[0])) {
          out.add(new Queued(t, f[1], f.length > 2 ? f[2] : ""));
        }
      }
    }
    return out;
  }

  /** The accounting records of these jobs, without their steps. */
  public List<Accounted> accounting(Collection<String> jobIds) {
    List<Accounted> out = new ArrayList<>();
    if (jobIds.isEmpty()) {
      return out;
    }
    Result r = call(List.of("sacct", "-n", "-X", "-P", "-j", String.join(",", jobIds),
        "--format=JobID,State,ExitCode"), null);
    if (r.code != 0) {
      // Without accounting the queue and the status files still tell every state but why a
      // lost cell's task ended.
      if (r.err.contains("accounting storage is disabled")) {
        return out;
      }
      throw failure("sacct", r);
    }
    for (String line : r.out.split("\n")) {
      String[] f = line.strip().split("\\|", -1);
      if (f.length >= 2 && !f[0].isEmpty()) {
        String jobId = TaskId.jobOf(f[0]);
        out.add(new Accounted(jobId, TaskId.indices(f[0]), f[1], f.length > 2 ? f[2] : ""));
      }
    }
    return out;
  }

  /** Cancels these jobs in one call. */
  public void cancel(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      return;
    }
    List<String> argv = new ArrayList<>(List.of("scancel"));
    argv.addAll(jobIds);
    Result r = call(argv, null);
    if (r.code != 0 && !r.err.contains("Invalid job id")) {
      throw failure("scancel", r);
    }
  }

  private static RuntimeException failure(String what, Result r) {
    return new UserError(what + " failed (exit code " + r.code + "):\n  "
        + r.err.strip().replace("\n", "\n  ")
        + "\n  fix: check that this machine is a Slurm login node (`sinfo` answers)");
  }

  private record Result(int code, String out, String err) {}

  private static Result call(List<String> argv, Path dir) {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(new File("/dev/null"));
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UserError("cannot run " + argv.get(0) + ": " + e.getMessage()
          + "\n  fix: run xyz on a machine where the Slurm commands are on the PATH (a login"
          + " node), or use `--executor local`");
    }
    try {
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
      String out = read(p, false);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new UserError(argv.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(p.exitValue(), out, err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new UserError(argv.get(0) + " was interrupted");
    }
  }

  private static String read(Process p, boolean err) {
    try (var in = err ? p.getErrorStream() : p.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
