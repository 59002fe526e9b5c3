package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Adler32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Node;

class PngEncoderTest {
  /**
   * Sizes below and above one strip and the parallel threshold, with a last strip of one row,
   * and seeded noise or drawn lines: ImageIO must read back every pixel.
   */
  @ParameterizedTest
  @CsvSource({"1, 1, 1", "7, 3, 2", "300, 129, 3", "1500, 900, 4", "1201, 1025, 5"})
  void imageIoReadsBackEveryPixel(int width, int height, long seed) throws IOException {
    BufferedImage image = picture(width, height, seed);
    byte[] png = encode(image, 3780);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(read.getWidth()).isEqualTo(width);
    assertThat(read.getHeight()).isEqualTo(height);
    int[] expected = image.getRGB(0, 0, width, height, null, 0, width);
    int[] actual = read.getRGB(0, 0, width, height, null, 0, width);
    assertThat(Arrays.equals(actual, expected)).as("pixels equal").isTrue();
  }

  /** A sub-image is encoded as its own pixels, not as the corner of its parent. */
  @ParameterizedTest
  @CsvSource({"0, 0, 50, 40", "13, 7, 60, 33", "299, 200, 1, 1"})
  void aSubImageKeepsItsOwnPixels(int x, int y, int width, int height) throws IOException {
    BufferedImage parent = picture(300, 201, 6);
    BufferedImage part = parent.getSubimage(x, y, width, height);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(encode(part, 3780)));
    int[] expected = parent.getRGB(x, y, width, height, null, 0, width);
    int[] actual = read.getRGB(0, 0, width, height, null, 0, width);
    assertThat(Arrays.equals(actual, expected)).as("pixels equal").isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {3780, 11811})
  void theResolutionIsRecorded(int pixelsPerMetre) throws IOException {
    byte[] png = encode(picture(20, 10, 1), pixelsPerMetre);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode physical = (IIOMetadataNode) ((IIOMetadataNode) root)
          .getElementsByTagName("pHYs").item(0);
      assertThat(physical.getAttribute("pixelsPerUnitXAxis"))
          .isEqualTo(Integer.toString(pixelsPerMetre));
      assertThat(physical.getAttribute("pixelsPerUnitYAxis"))
          .isEqualTo(Integer.toString(pixelsPerMetre));
      assertThat(physical.getAttribute("unitSpecifier")).isEqualTo("meter");
      reader.dispose();
    }
  }

  /** The checksum of joined pieces, from seeded random pieces, equals that of the whole. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void checksumsOfPiecesCombine(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] whole = new byte[random.nextInt(1, 300_000)];
    for (int i = 0; i < whole.length; i++) {
      whole[i] = (byte) (seed % 2 == 0 ? random.nextInt(256) : 255);
    }
    int cut = random.nextInt(whole.length + 1);
    Adler32 first = new Adler32();
    first.update(whole, 0, cut);
    Adler32 second = new Adler32();
    second.update(whole, cut, whole.length - cut);
    Adler32 all = new Adler32();
    all.update(whole);
    assertThat(PngEncoder.combine(first.getValue(), second.getValue(), whole.length - cut))
        .isEqualTo(all.getValue());
  }

  @ParameterizedTest
  @ValueSource(ints = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR})
  void otherImageTypesAreRefused(int type) {
    BufferedImage image = new BufferedImage(4, 4, type);
    assertThatThrownBy(() -> encode(image, 3780))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an RGB image");
  }

  /** A white canvas with antialiased lines (like a figure) or, for odd seeds, seeded noise. */
  private static BufferedImage picture(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(seed);
    if (seed % 2 == 1) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          image.setRGB(x, y, random.nextInt(1 << 24));
        }
      }
      return image;
    }
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setStroke(new BasicStroke(1.4f));
    for (int i = 0; i < 200; i++) {
      g.setColor(new Color(random.nextInt(1 << 24)));
      g.draw(new Line2D.Double(random.nextDouble(width), random.nextDouble(height),
          random.nextDouble(width), random.nextDouble(height)));
    }
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, int pixelsPerMetre) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PngEncoder.write(image, pixelsPerMetre, out);
    return out.toByteArray();
  }
}
