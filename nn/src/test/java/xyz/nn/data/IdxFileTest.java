package xyz.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.UserError;

class IdxFileTest {
  @TempDir Path dir;

  /** An IDX file of unsigned bytes: the magic number, the dimensions, then the values. */
  private static byte[] idx(int magic, int[] dims, byte[] values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(values);
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content, boolean gzip) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
        : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  private static byte[] ramp(int n) {
    byte[] values = new byte[n];
    for (int i = 0; i < n; i++) {
      values[i] = (byte) (i * 37);
    }
    return values;
  }

  @Test
  void readsImagesPlainAndGzippedAlike() throws IOException {
    byte[] pixels = ramp(2 * 3 * 4);
    byte[] file = idx(0x0803, new int[] {2, 3, 4}, pixels);

    for (boolean gzip : new boolean[] {false, true}) {
      IdxFile.Images images = IdxFile.readImages(write("images-" + gzip, file, gzip));
      assertThat(images.count()).isEqualTo(2);
      assertThat(images.height()).isEqualTo(3);
      assertThat(images.width()).isEqualTo(4);
      assertThat(images.pixels()).containsExactly(pixels);
      // Unsigned: 37 * 7 = 259 wraps to 3, 37 * 6 = 222 stays above 127.
      assertThat(images.pixels()[6] & 0xff).isEqualTo(222);
    }
  }

  @Test
  void readsLabels() throws IOException {
    Path file = write("labels", idx(0x0801, new int[] {5}, new byte[] {0, 9, 3, 3, 7}), true);

    assertThat(IdxFile.readLabels(file, 10)).containsExactly(0, 9, 3, 3, 7);
  }

  @Test
  void aLabelOutOfRangeIsNamedWithItsPosition() throws IOException {
    Path file = write("labels", idx(0x0801, new int[] {3}, new byte[] {1, 12, 2}), false);

    assertThatThrownBy(() -> IdxFile.readLabels(file, 10)).isInstanceOf(UserError.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("label 2 is 12, not a class from 0 to 9")
        .hasMessageContaining("scripts/fetch-datasets.sh");
  }

  @Test
  void aLabelFileIsNotAnImageFile() throws IOException {
    Path file = write("labels", idx(0x0801, new int[] {3}, new byte[] {1, 2, 3}), false);

    assertThatThrownBy(() -> IdxFile.readImages(file)).isInstanceOf(UserError.class)
        .hasMessageContaining("is not a valid IDX file: its magic number is 0x00000801,"
            + " expected 0x00000803 (unsigned bytes, 3 dimensions)");
  }

  @Test
  void aFileCutShortSaysHowMuchIsThere() throws IOException {
    byte[] whole = idx(0x0803, new int[] {2, 2, 2}, ramp(8));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
    Path file = write("cut", cut, true);

    assertThatThrownBy(() -> IdxFile.readImages(file)).isInstanceOf(UserError.class)
        .hasMessageContaining("it ends after 5 of the 8 values its header announces");
  }

  @Test
  void trailingBytesAreRefused() throws IOException {
    byte[] whole = idx(0x0803, new int[] {1, 2, 2}, ramp(5));
    Path file = write("long", whole, false);

    assertThatThrownBy(() -> IdxFile.readImages(file)).isInstanceOf(UserError.class)
        .hasMessageContaining("it holds more than the 4 values its header announces");
  }

  @Test
  void aHeaderCutShortOrWithAZeroSizeIsRefused() throws IOException {
    Path empty = write("empty", new byte[] {0, 0}, false);
    Path zero = write("zero", idx(0x0803, new int[] {0, 28, 28}, new byte[0]), false);

    assertThatThrownBy(() -> IdxFile.readImages(empty)).isInstanceOf(UserError.class)
        .hasMessageContaining("shorter than the 4 bytes of an IDX header");
    assertThatThrownBy(() -> IdxFile.readImages(zero)).isInstanceOf(UserError.class)
        .hasMessageContaining("dimension 1 is 0, not a positive size");
  }

  @Test
  void aMissingFileNamesTheFetchScript() {
    Path file = dir.resolve("absent");

    assertThatThrownBy(() -> IdxFile.readLabels(file, 10)).isInstanceOf(UserError.class)
        .hasMessageContaining(file + " does not exist")
        .hasMessageContaining("fix: run scripts/fetch-datasets.sh");
  }
}
