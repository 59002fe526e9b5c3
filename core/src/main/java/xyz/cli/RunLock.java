package xyz.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import xyz.UserError;

/**
 * Keeps two {@code xyz run}s from running the same cells into one results folder: the second
 * would run every cell the first has not finished yet, and both would then race to store it. The
 * lock is the operating system's, so it goes with the process however that ends.
 */
final class RunLock implements AutoCloseable {
  private static final String NAME = ".run.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of the results folder, or fails with who holds it. */
  static RunLock take(Path results) throws IOException {
    Files.createDirectories(results);
    Path file = results.resolve(NAME);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      channel.close();
      throw new UserError(
          results + ": another xyz run" + (holder.isEmpty() ? "" : " (" + holder + ")")
              + " is running this study's cells\n  fix: wait for it to end, or stop it (Ctrl-C)"
              + "; then run again, and only the cells it left are run");
    }
    channel.truncate(0);
    String me = "pid " + ProcessHandle.current().pid();
    channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
    return new RunLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
