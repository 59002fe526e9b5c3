package xyz.nn;

/**
 * The settings DJL needs here, applied before its PyTorch engine loads, so that no user has to
 * pass them. A setting already given on the command line ({@code -Dname=value}) is kept.
 *
 * <ul>
 *   <li>Offline: the native library comes from the pytorch-native jar on the class path; a
 *       missing jar fails at once instead of trying a download.
 *   <li>One intra-op and one inter-op thread: the executor runs one cell per core, and PyTorch's
 *       own threads on top of that spin against each other, 25 to 50 times slower.
 * </ul>
 *
 * <p>Where DJL unpacks the native library (about 430 MB) is the environment variable or property
 * {@code DJL_CACHE_DIR}; the {@code xyz} launcher and the build point it into a build folder.
 */
public final class DjlSettings {

  /** The system properties and the values this class gives them when they are unset. */
  private static final String[][] DEFAULTS = {
    {"ai.djl.offline", "true"},
    {"ai.djl.pytorch.num_threads", "1"},
    {"ai.djl.pytorch.num_interop_threads", "1"},
  };

  private DjlSettings() {}

  /** Sets every property that is not set yet; call it before the first use of DJL. */
  public static synchronized void apply() {
    for (String[] setting : DEFAULTS) {
      if (System.getProperty(setting[0]) == null) {
        System.setProperty(setting[0], setting[1]);
      }
    }
  }
}
