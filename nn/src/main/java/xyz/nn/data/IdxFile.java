package xyz.nn.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import xyz.UserError;

/**
 * Reads IDX files, the format MNIST and Fashion-MNIST ship in: a big-endian header (two zero
 * bytes, a type byte, the number of dimensions, then each dimension as a 32-bit integer) followed
 * by the values. Only unsigned bytes are read, the type of every image and label file of both
 * datasets. A gzipped file is recognised by its first bytes, whatever its name.
 */
public final class IdxFile {

  /** The type byte of unsigned 8-bit values. */
  static final int UNSIGNED_BYTE = 0x08;

  private static final int GZIP_MAGIC = 0x8b1f;

  private IdxFile() {}

  /**
   * Images of one size, row after row, as unsigned bytes.
   *
   * @param count the number of images
   * @param height the rows of each image
   * @param width the columns of each image
   * @param pixels {@code count * height * width} bytes; read them with {@code & 0xff}
   */
  public record Images(int count, int height, int width, byte[] pixels) {}

  /**
   * Reads an image file: three dimensions (count, rows, columns) of unsigned bytes.
   *
   * @throws UserError when the file is missing, is not such an IDX file, or is cut short
   */
  public static Images readImages(Path file) {
    try (DataInputStream in = open(file)) {
      int[] dims = header(file, in, 3);
      byte[] pixels = new byte[size(file, dims)];
      body(file, in, pixels);
      return new Images(dims[0], dims[1], dims[2], pixels);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Reads a label file: one dimension of unsigned bytes, each a class from 0 to
   * {@code classes - 1}.
   *
   * @throws UserError when the file is missing, is not such an IDX file, is cut short, or holds a
   *     label out of range
   */
  public static int[] readLabels(Path file, int classes) {
    try (DataInputStream in = open(file)) {
      int[] dims = header(file, in, 1);
      byte[] raw = new byte[size(file, dims)];
      body(file, in, raw);
      int[] labels = new int[raw.length];
      for (int i = 0; i < raw.length; i++) {
        labels[i] = raw[i] & 0xff;
        if (labels[i] >= classes) {
          throw corrupt(file, "label " + (i + 1) + " is " + labels[i] + ", not a class from 0 to "
              + (classes - 1));
        }
      }
      return labels;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserError("datasets: " + file + " does not exist\n  fix: run"
          + " scripts/fetch-datasets.sh, which downloads MNIST and Fashion-MNIST into data/");
    }
    BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    InputStream in = (first | second << 8) == GZIP_MAGIC ? new GZIPInputStream(raw, 1 << 16) : raw;
    return new DataInputStream(in);
  }

  private static int[] header(Path file, DataInputStream in, int expectedDims) throws IOException {
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      throw corrupt(file, "it is shorter than the 4 bytes of an IDX header");
    }
    int type = (magic >>> 8) & 0xff;
    int dims = magic & 0xff;
    if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dims != expectedDims) {
      throw corrupt(file, String.format(java.util.Locale.ROOT,
          "its magic number is 0x%08x, expected 0x%08x (unsigned bytes, %d dimension%s)", magic,
          UNSIGNED_BYTE << 8 | expectedDims, expectedDims, expectedDims == 1 ? "" : "s"));
    }
    int[] sizes = new int[dims];
    for (int d = 0; d < dims; d++) {
      try {
        sizes[d] = in.readInt();
      } catch (EOFException e) {
        throw corrupt(file, "its header ends before dimension " + (d + 1));
      }
      if (sizes[d] <= 0) {
        throw corrupt(file, "dimension " + (d + 1) + " is " + sizes[d] + ", not a positive size");
      }
    }
    return sizes;
  }

  private static int size(Path file, int[] dims) {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw corrupt(file, "its header announces " + size + " values, more than one array holds");
    }
    return (int) size;
  }

  private static void body(Path file, DataInputStream in, byte[] values) throws IOException {
    int read = in.readNBytes(values, 0, values.length);
    if (read < values.length) {
      throw corrupt(file, "it ends after " + read + " of the " + values.length
          + " values its header announces");
    }
    if (in.read() >= 0) {
      throw corrupt(file, "it holds more than the " + values.length
          + " values its header announces");
    }
  }

  private static UserError corrupt(Path file, String why) {
    return new UserError("datasets: " + file + " is not a valid IDX file: " + why
        + "\n  fix: delete it and run scripts/fetch-datasets.sh again");
  }

  private static UserError unreadable(Path file, IOException e) {
    return new UserError("datasets: cannot read " + file + ": " + e.getMessage()
        + "\n  fix: delete it and run scripts/fetch-datasets.sh again", e);
  }
}
