package xyz.collect;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import xyz.UserError;

/**
 * Files written beside their target under a hidden temporary name and moved over it in one
 * rename, so that a reader sees the old file or the new one, never half of one.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** A fresh hidden name beside {@code target}, such as {@code .results.duckdb.4f2a9c.tmp}. */
  static Path temporary(Path target) {
    String tag = Long.toHexString(ProcessHandle.current().pid()) + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    return target.resolveSibling("." + target.getFileName() + "." + tag + ".tmp");
  }

  /**
   * Moves {@code temporary} over {@code target} in one rename.
   *
   * @throws UserError when another program holds the target so that it cannot be replaced
   */
  static void replace(Path temporary, Path target) throws IOException {
    try {
      xyz.store.AtomicFiles.move(temporary, target);
    } catch (AccessDeniedException e) {
      throw locked(target, e);
    } catch (FileSystemException e) {
      if (Files.isDirectory(target)) {
        throw new UserError("cannot write " + target + ": it is a folder; move it away and run"
            + " collect again", e);
      }
      throw locked(target, e);
    }
  }

  private static UserError locked(Path target, FileSystemException e) {
    return new UserError("cannot replace " + target + ": " + e.getReason() + ". Another program"
        + " (a DuckDB shell, a spreadsheet, xyz serve) probably has it open: close it and run"
        + " collect again", e);
  }

  /**
   * Deletes the temporary files of {@code target} that a collect which no longer runs left
   * behind (killed, or its machine went down), with DuckDB's log and spill folder beside them.
   * Those of a collect still running are left alone.
   */
  static void removeStale(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    try (Stream<Path> siblings = Files.list(target.toAbsolutePath().getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String name = p.getFileName().toString();
        int dash = name.indexOf('-', prefix.length());
        if (!name.startsWith(prefix) || dash < 0 || !name.contains(".tmp")) {
          continue;
        }
        try {
          long pid = Long.parseLong(name.substring(prefix.length(), dash), 16);
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
        } catch (NumberFormatException e) {
          continue;
        }
        deleteQuietly(p);
      }
    }
  }

  /** Deletes a temporary file or folder if it is there; never fails. */
  static void deleteQuietly(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // A leftover hidden temporary file is harmless; the collect itself decides the outcome.
        }
      });
    } catch (IOException e) {
      // As above.
    }
  }
}
