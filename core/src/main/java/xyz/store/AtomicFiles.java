package xyz.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader sees either the old content or the new one, never half: the
 * bytes go to a temporary sibling, which is then renamed over the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes} in one rename. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = sibling(target);
    try {
      Files.write(tmp, bytes);
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A temporary name beside {@code target}, hidden from readers of the folder. */
  public static Path sibling(Path target) {
    long nonce = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return target.resolveSibling("." + target.getFileName() + "." + Long.toString(nonce, 36));
  }

  /** Renames {@code from} over {@code to}, atomically where the file system allows it. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
