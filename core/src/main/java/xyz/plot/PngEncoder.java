package xyz.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an RGB image as PNG, faster than ImageIO: rows unfiltered and deflate at its fastest
 * level, the image cut into strips that are compressed on several threads and joined into one
 * zlib stream (each strip but the last ends on a byte boundary with a sync flush, so the pieces
 * concatenate). ImageIO tries five filters on every row and deflates on one thread, which took
 * longer than drawing a large figure. A figure is mostly runs of one colour, which deflate finds
 * without a filter: on a facet grid the files are as small as ImageIO's at its fast level.
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  /** The filter type "none": the bytes of each row as they are. */
  private static final int FILTER_NONE = 0;
  /** Rows per strip: large enough that each strip compresses as well as the whole image. */
  private static final int STRIP_ROWS = 128;
  /** Below this many pixels one thread is as fast. */
  private static final long PARALLEL_FROM = 1_000_000;
  /** The largest IDAT chunk written; readers accept any size, this keeps buffers small. */
  private static final int CHUNK = 1 << 20;

  private PngEncoder() {}

  /**
   * Writes an image of type {@link BufferedImage#TYPE_INT_RGB} as an 8-bit RGB PNG.
   *
   * @param pixelsPerMetre the resolution recorded in the pHYs chunk
   */
  static void write(BufferedImage image, int pixelsPerMetre, OutputStream out)
      throws IOException {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("not an RGB image: type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    WritableRaster raster = image.getRaster();
    int stride = ((SinglePixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
    DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
    int[] pixels = buffer.getData();
    // A sub-image shares its parent's pixels from some offset on.
    int first = buffer.getOffset() - raster.getSampleModelTranslateY() * stride
        - raster.getSampleModelTranslateX();

    out.write(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8;
    header[9] = 2;
    chunk(out, "IHDR", header, 0, header.length);
    byte[] physical = new byte[9];
    putInt(physical, 0, pixelsPerMetre);
    putInt(physical, 4, pixelsPerMetre);
    physical[8] = 1;
    chunk(out, "pHYs", physical, 0, physical.length);

    int strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
    byte[][] compressed = new byte[strips][];
    long[] adlers = new long[strips];
    int[] lengths = new int[strips];
    IntStream range = IntStream.range(0, strips);
    if ((long) width * height >= PARALLEL_FROM) {
      range = range.parallel();
    }
    range.forEach(s -> {
      int from = s * STRIP_ROWS;
      int to = Math.min(height, from + STRIP_ROWS);
      byte[] raw = scanlines(pixels, first, stride, width, from, to);
      Adler32 adler = new Adler32();
      adler.update(raw);
      adlers[s] = adler.getValue();
      lengths[s] = raw.length;
      compressed[s] = deflate(raw, s == strips - 1);
    });

    long adler = 1;
    for (int s = 0; s < strips; s++) {
      adler = combine(adler, adlers[s], lengths[s]);
    }
    ChunkWriter idat = new ChunkWriter(out);
    // zlib header: deflate with a 32 KB window, fastest level, no dictionary.
    idat.write(new byte[] {0x78, 0x01});
    for (byte[] piece : compressed) {
      idat.write(piece);
    }
    byte[] trailer = new byte[4];
    putInt(trailer, 0, (int) adler);
    idat.write(trailer);
    idat.flush();
    chunk(out, "IEND", new byte[0], 0, 0);
  }

  /** The rows [from, to) as PNG scanlines: a filter byte, then R, G, B of each pixel. */
  private static byte[] scanlines(int[] pixels, int first, int stride, int width, int from,
      int to) {
    int line = 1 + 3 * width;
    byte[] raw = new byte[line * (to - from)];
    int o = 0;
    for (int y = from; y < to; y++) {
      raw[o++] = FILTER_NONE;
      int row = first + y * stride;
      for (int x = 0; x < width; x++) {
        int p = pixels[row + x];
        raw[o++] = (byte) (p >>> 16);
        raw[o++] = (byte) (p >>> 8);
        raw[o++] = (byte) p;
      }
    }
    return raw;
  }

  private static byte[] deflate(byte[] raw, boolean last) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(raw);
      if (last) {
        deflater.finish();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
      byte[] buffer = new byte[64 * 1024];
      int flush = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
      while (true) {
        int n = deflater.deflate(buffer, 0, buffer.length, flush);
        out.write(buffer, 0, n);
        if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
          break;
        }
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** The Adler-32 of two pieces joined, from the checksum of each and the second's length. */
  static long combine(long first, long second, long secondLength) {
    final long base = 65521;
    long remainder = secondLength % base;
    long sum1 = first & 0xFFFF;
    long sum2 = (remainder * sum1) % base;
    sum1 += (second & 0xFFFF) + base - 1;
    sum2 += ((first >>> 16) & 0xFFFF) + ((second >>> 16) & 0xFFFF) + base - remainder;
    sum1 %= base;
    sum2 %= base;
    return (sum2 << 16) | sum1;
  }

  private static void chunk(OutputStream out, String type, byte[] data, int offset, int length)
      throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    byte[] size = new byte[4];
    putInt(size, 0, length);
    out.write(size);
    out.write(name);
    out.write(data, offset, length);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data, offset, length);
    byte[] check = new byte[4];
    putInt(check, 0, (int) crc.getValue());
    out.write(check);
  }

  private static void putInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }

  /** Cuts the zlib stream into IDAT chunks of at most {@link #CHUNK} bytes. */
  private static final class ChunkWriter {
    private final OutputStream out;
    private final byte[] buffer = new byte[CHUNK];
    private int used;

    ChunkWriter(OutputStream out) {
      this.out = out;
    }

    void write(byte[] data) throws IOException {
      int at = 0;
      while (at < data.length) {
        int n = Math.min(data.length - at, buffer.length - used);
        System.arraycopy(data, at, buffer, used, n);
        used += n;
        at += n;
        if (used == buffer.length) {
          flush();
        }
      }
    }

    void flush() throws IOException {
      if (used > 0) {
        chunk(out, "IDAT", buffer, 0, used);
        used = 0;
      }
    }
  }
}
