package xyz.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.List;

/**
 * Tells a failure of the machine (a read-only or full disk, a folder without permission) from a
 * bug in xyz, so that the user gets the file and the reason in one line instead of a stack trace.
 */
final class EnvironmentErrors {
  private static final List<String> REASONS = List.of("No space left on device",
      "Read-only file system", "Disk quota exceeded", "Permission denied",
      "Input/output error", "Too many open files");

  private EnvironmentErrors() {}

  /** The one-line message for a failure of the file system, or null when it is not one. */
  static String describe(Throwable e) {
    String context = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UncheckedIOException u && context == null) {
        context = u.getMessage();
      }
      if (t instanceof AccessDeniedException a) {
        return (context != null ? context + ": " : "") + a.getFile() + ": Permission denied";
      }
      if (t instanceof FileSystemException f && f.getReason() != null && known(f.getReason())) {
        return (context != null ? context + ": " : "") + f.getFile() + ": " + f.getReason();
      }
      if (t instanceof IOException io && io.getMessage() != null && known(io.getMessage())) {
        return (context != null && !context.contains(io.getMessage()) ? context + ": " : "")
            + io.getMessage();
      }
    }
    // DuckDB and image writers report the operating system's reason only in their message.
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && known(m)) {
        return m.lines().findFirst().orElse(m).strip();
      }
    }
    return null;
  }

  private static boolean known(String message) {
    return REASONS.stream().anyMatch(message::contains);
  }
}
