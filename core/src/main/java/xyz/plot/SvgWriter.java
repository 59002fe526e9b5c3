package xyz.plot;

import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a painted figure as SVG with Batik, beside its final name first like every figure (see
 * {@link FigureWriter}).
 */
final class SvgWriter {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private SvgWriter() {}

  /** Writes the figure as an SVG document, text kept as text. */
  static void svg(FigurePainter painter, Path file) {
    Document document = GenericDOMImplementation.getDOMImplementation()
        .createDocument(SVG_NS, "svg", null);
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
    context.setEmbeddedFontsOn(false);
    context.setPrecision(3);
    context.setComment(null);
    // The document's default style names this font; left alone, Batik writes 'Dialog'.
    SVGGeneratorContext.GraphicContextDefaults defaults =
        new SVGGeneratorContext.GraphicContextDefaults();
    defaults.setFont(Theme.TICK);
    context.setGraphicContextDefaults(defaults);
    SVGGraphics2D g = new SVGGraphics2D(context, false);
    g.setSVGCanvasSize(new Dimension(painter.width(), painter.height()));
    painter.paint(g);
    Element root = g.getRoot();
    root.setAttributeNS(null, "viewBox", "0 0 " + painter.width() + " " + painter.height());
    Path partial = FigureWriter.partial(file);
    try {
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        g.stream(root, out, true, false);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      g.dispose();
    }
  }
}
