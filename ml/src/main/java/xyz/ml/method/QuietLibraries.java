package xyz.ml.method;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import libsvm.svm;

/**
 * Silences the chatter of the learning libraries, which would otherwise flood every cell's log:
 * Tribuo and OLCUT report each fit through {@code java.util.logging}, XGBoost4J logs through it
 * too, and LibSVM prints its optimiser's progress to stdout.
 */
public final class QuietLibraries {

  // JUL holds loggers weakly: keep them here, or a collected logger forgets its level.
  private static final List<Logger> QUIETED = List.of(
      Logger.getLogger("org.tribuo"),
      Logger.getLogger("com.oracle.labs.mlrg.olcut"),
      Logger.getLogger("ml.dmlc"));

  private static volatile boolean installed;

  private QuietLibraries() {}

  /** Quiets the libraries for the whole JVM; calling it again does nothing. */
  public static void install() {
    if (installed) {
      return;
    }
    synchronized (QuietLibraries.class) {
      if (!installed) {
        // Warnings still come through: they tell of a real problem with a fit.
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
        svm.svm_set_print_string_function(message -> { });
        installed = true;
      }
    }
  }
}
