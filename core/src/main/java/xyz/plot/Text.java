package xyz.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/** Measures and places text: centred, right-aligned, rotated, shortened to fit. */
final class Text {
  /** Antialiased, fractional metrics: the way every figure draws its text. */
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

  private Text() {}

  /**
   * The rendering hints every figure is drawn with, so that measuring matches drawing. Stroke
   * control is set explicitly because JFreeChart restores the value it finds, and Batik refuses
   * the null an SVG canvas would otherwise report.
   */
  static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_DEFAULT);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  static double width(String text, Font font) {
    return font.getStringBounds(text, CONTEXT).getWidth();
  }

  /** The line height of a font: ascent plus descent. */
  static double height(Font font) {
    LineMetrics m = font.getLineMetrics("Ag", CONTEXT);
    return m.getAscent() + m.getDescent();
  }

  private static double ascent(Font font) {
    return font.getLineMetrics("Ag", CONTEXT).getAscent();
  }

  /** The text, cut with an ellipsis where it is wider than {@code max}. */
  static String fit(String text, Font font, double max) {
    if (width(text, font) <= max) {
      return text;
    }
    String ellipsis = "\u2026";
    int keep = text.length();
    while (keep > 1 && width(text.substring(0, keep) + ellipsis, font) > max) {
      keep--;
    }
    return text.substring(0, keep) + ellipsis;
  }

  /** The text broken at spaces into lines no wider than {@code max}. */
  static List<String> wrap(String text, Font font, double max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && width(candidate, font) > max) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Draws text with its box aligned to (x, y): {@code h} 0 left, 0.5 centre, 1 right of x;
   * {@code v} 0 top, 0.5 middle, 1 bottom at y.
   */
  static void draw(Graphics2D g, String text, Font font, double x, double y, double h,
      double v) {
    g.setFont(font);
    double w = width(text, font);
    double top = y - v * height(font);
    g.drawString(text, (float) (x - h * w), (float) (top + ascent(font)));
  }

  /**
   * Draws text turned a quarter: reading upwards ({@code up}) or downwards, centred on (x, y).
   */
  static void drawTurned(Graphics2D g, String text, Font font, double x, double y, boolean up) {
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.rotate(up ? -Math.PI / 2 : Math.PI / 2);
    draw(g, text, font, 0, 0, 0.5, 0.5);
    g.setTransform(saved);
  }
}
