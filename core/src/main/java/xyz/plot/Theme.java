package xyz.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

/**
 * The look of every figure: fonts, greys and sizes in pixels at 1x. One real font family is
 * named (DejaVu Sans where installed), because Java's logical fonts reach SVG files as
 * {@code Dialog}, which no viewer has.
 */
final class Theme {
  /** The font family of all text. */
  static final String FAMILY = family();

  static final Font TITLE = new Font(FAMILY, Font.BOLD, 15);
  static final Font HEADER = new Font(FAMILY, Font.PLAIN, 12);
  static final Font STRIP = new Font(FAMILY, Font.PLAIN, 11);
  static final Font TICK = new Font(FAMILY, Font.PLAIN, 10);
  static final Font AXIS_TITLE = new Font(FAMILY, Font.PLAIN, 12);
  static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 11);
  static final Font LEGEND_TITLE = new Font(FAMILY, Font.BOLD, 11);
  static final Font CAPTION = new Font(FAMILY, Font.PLAIN, 10);

  static final Color TEXT = new Color(0x1F1F1F);
  static final Color MUTED = new Color(0x555555);
  static final Color TICK_TEXT = new Color(0x4D4D4D);
  static final Color STRIP_FILL = new Color(0xE3E3E3);
  static final Color BORDER = new Color(0xA6A6A6);
  static final Color GRID = new Color(0xEBEBEB);
  static final Color BACKGROUND = Color.WHITE;

  static final BasicStroke GRID_STROKE = new BasicStroke(0.8f);
  static final BasicStroke BORDER_STROKE = new BasicStroke(0.8f);

  /** The data area of one panel, in pixels, when the figure is not too large. */
  static final int PANEL_WIDTH = 220;
  static final int PANEL_HEIGHT = 160;
  /** The smallest panel a very large grid shrinks to. */
  static final int MIN_PANEL_WIDTH = 90;

  static final int MARGIN = 12;
  static final int PANEL_GAP = 8;
  static final int TICK_LENGTH = 3;
  static final int TICK_PAD = 3;

  private Theme() {}

  /**
   * DejaVu Sans if installed. Java gives a font it cannot find the family Dialog, so asking for
   * the one font answers without listing every font of the system, which took 50 ms.
   */
  private static String family() {
    String wanted = "DejaVu Sans";
    return new Font(wanted, Font.PLAIN, 10).getFamily(Locale.ROOT).equals(wanted) ? wanted
        : Font.SANS_SERIF;
  }
}
