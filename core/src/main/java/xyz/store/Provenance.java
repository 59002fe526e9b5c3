package xyz.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where and how a cell ran: enough to tell, months later, which code on which machine made a
 * number. Captured once per run, since it is the same for every cell of that run.
 *
 * @param gitCommit the commit of the experiment's folder, or null outside a git work tree
 * @param gitDirty whether that work tree had uncommitted changes, or null
 * @param host the machine's name
 * @param user the user running xyz
 * @param jvm the Java runtime
 * @param os the operating system and architecture
 * @param cpus the processors available to the JVM
 * @param xyzVersion the version of xyz
 * @param experiment the experiment's identity (see {@link xyz.study.ExperimentSpec#identity()})
 * @param commandLine what ran: a command's filled arguments, or xyz's own command line for an
 *     experiment run inside the JVM
 */
public record Provenance(
    String gitCommit, Boolean gitDirty, String host, String user, String jvm, String os,
    int cpus, String xyzVersion, String experiment, String commandLine) {

  /** The same facts, with the command line of one cell. */
  public Provenance withCommandLine(String line) {
    return new Provenance(
        gitCommit, gitDirty, host, user, jvm, os, cpus, xyzVersion, experiment, line);
  }

  /**
   * Arguments as one line a user can paste into a shell: arguments with spaces, quotes or other
   * characters a shell would read are single-quoted.
   */
  public static String commandLine(java.util.List<String> argv) {
    StringBuilder b = new StringBuilder();
    for (String arg : argv) {
      if (b.length() > 0) {
        b.append(' ');
      }
      if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
        b.append(arg);
      } else {
        b.append('\'').append(arg.replace("'", "'\\''")).append('\'');
      }
    }
    return b.toString();
  }

  /**
   * Reads the facts of this machine and of the git work tree holding {@code codeDir}.
   *
   * @param codeDir the experiment's folder
   * @param experiment the experiment's identity
   * @param commandLine the command line of this run of xyz
   */
  public static Provenance capture(Path codeDir, String experiment, String commandLine) {
    String commit = git(codeDir, "rev-parse", "HEAD");
    Boolean dirty = null;
    if (commit != null) {
      String changes = git(codeDir, "status", "--porcelain", "--untracked-files=no", ".");
      dirty = changes == null ? null : !changes.isBlank();
    }
    String jvm =
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    String os =
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch");
    return new Provenance(
        commit, dirty, hostName(), System.getProperty("user.name"), jvm, os,
        Runtime.getRuntime().availableProcessors(), version(), experiment, commandLine);
  }

  /** The version of xyz, from the jar's manifest, or {@code dev} when run from classes. */
  public static String version() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** This machine's name, as the scheduler and the user know it. */
  public static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String git(Path dir, String... args) {
    String[] argv = new String[args.length + 3];
    argv[0] = "git";
    argv[1] = "-C";
    argv[2] = dir.toAbsolutePath().toString();
    System.arraycopy(args, 0, argv, 3, args.length);
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
      p.getOutputStream().close();
      p.getErrorStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
