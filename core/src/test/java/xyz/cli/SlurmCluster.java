package xyz.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Slurm cluster the Slurm tests run against (started by scripts/slurm-cluster.sh up).
 * Without one the tests fail, unless XYZ_SLURM_OPTIONAL is set: then they are skipped, with the
 * reason.
 */
final class SlurmCluster {
  /** The variable that makes a missing cluster a skip rather than a failure. */
  static final String OPTIONAL = "XYZ_SLURM_OPTIONAL";

  private static String problem;
  private static boolean checked;

  private SlurmCluster() {}

  /** Fails or skips the calling test when no cluster answers. */
  static synchronized void require() {
    if (!checked) {
      problem = probe();
      checked = true;
    }
    if (problem == null) {
      return;
    }
    String why = "no Slurm cluster answers (" + problem + "); start one with `sudo "
        + "scripts/slurm-cluster.sh up`";
    String optional = System.getenv(OPTIONAL);
    if (optional != null && !optional.isBlank()) {
      Assumptions.abort(why + "; skipped because " + OPTIONAL + " is set");
    }
    Assertions.fail(why + ", or set " + OPTIONAL + "=1 to skip the Slurm tests");
  }

  private static String probe() {
    try {
      Process p = new ProcessBuilder(List.of("sinfo", "-h", "-o", "%T"))
          .redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "sinfo did not answer within 20 s";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        return "sinfo: " + out;
      }
      if (!out.matches("(?s).*\\b(idle|mixed|allocated)\\b.*")) {
        return "no node is up: sinfo says '" + out + "'";
      }
      return null;
    } catch (java.io.IOException e) {
      return "sinfo is not on the PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Runs a Slurm command and returns its output; for tests that look at the queue. */
  static String call(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
