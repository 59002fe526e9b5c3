package xyz.plot;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a painted figure as PNG with {@link PngEncoder} (SVG is {@link SvgWriter}'s job, so that
 * a PNG-only plot never loads Batik). Each file is written beside its final name and moved into
 * place, so that a reader never sees half a figure.
 */
final class FigureWriter {
  /** 96 pixels per inch, in pixels per metre, the unit PNG records. */
  private static final int PIXELS_PER_METRE = 3780;

  private FigureWriter() {}

  /** Writes the figure as a PNG image at 1x. */
  static void png(FigurePainter painter, Path file) {
    BufferedImage image = new BufferedImage(painter.width(), painter.height(),
        BufferedImage.TYPE_INT_RGB);
    painter.paint(image);
    png(image, file);
  }

  /** Writes a painted image as a PNG file. */
  static void png(BufferedImage image, Path file) {
    Path partial = partial(file);
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial),
          1 << 16)) {
        PngEncoder.write(image, PIXELS_PER_METRE, out);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where a figure is written before it is moved to its name. */
  static Path partial(Path file) {
    return file.resolveSibling("." + file.getFileName() + ".partial");
  }
}
