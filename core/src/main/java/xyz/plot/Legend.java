package xyz.plot;

import java.awt.AlphaComposite;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The one legend of a figure: titled blocks of line samples, stacked in columns beside the grid
 * or flowing in lines below it.
 */
final class Legend {
  private static final double SAMPLE = 26;
  private static final double SAMPLE_GAP = 6;
  private static final double ROW = 17;
  private static final double BLOCK_GAP = 8;
  private static final double COLUMN_GAP = 18;
  private static final double ENTRY_GAP = 16;
  private static final double MAX_LABEL = 220;

  private final List<Style.Block> blocks;
  private final boolean band;
  private final boolean markers;

  /** One thing to draw, at a place relative to the legend's top left corner. */
  private record Item(double x, double y, String title, Style.Entry entry) {}

  Legend(List<Style.Block> blocks, boolean band, boolean markers) {
    this.blocks = List.copyOf(blocks);
    this.band = band;
    this.markers = markers;
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** The width and height of the legend laid out for that place and limit. */
  double[] size(boolean stacked, double limit) {
    double width = 0;
    double height = 0;
    for (Item item : place(stacked, limit)) {
      width = Math.max(width, item.x + itemWidth(item));
      height = Math.max(height, item.y + ROW);
    }
    return new double[] {width, height};
  }

  void draw(Graphics2D g, double x, double y, boolean stacked, double limit) {
    for (Item item : place(stacked, limit)) {
      double top = y + item.y;
      double left = x + item.x;
      if (item.title != null) {
        g.setColor(Theme.TEXT);
        Text.draw(g, item.title, Theme.LEGEND_TITLE, left, top + ROW / 2, 0, 0.5);
      } else {
        drawEntry(g, item.entry, left, top);
      }
    }
  }

  private void drawEntry(Graphics2D g, Style.Entry entry, double left, double top) {
    double middle = top + ROW / 2;
    if (band) {
      Composite saved = g.getComposite();
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, PanelPainter.BAND_ALPHA));
      g.setColor(entry.color());
      g.fill(new Rectangle2D.Double(left, middle - 5, SAMPLE, 10));
      g.setComposite(saved);
    }
    g.setColor(entry.color());
    g.setStroke(Style.stroke(entry.dash()));
    g.draw(new Line2D.Double(left, middle, left + SAMPLE, middle));
    if (markers) {
      double r = PanelPainter.MARKER_RADIUS;
      g.fill(new Ellipse2D.Double(left + SAMPLE / 2 - r, middle - r, 2 * r, 2 * r));
    }
    g.setColor(Theme.TEXT);
    Text.draw(g, label(entry), Theme.LEGEND, left + SAMPLE + SAMPLE_GAP, middle, 0, 0.5);
  }

  private static String label(Style.Entry entry) {
    return Text.fit(entry.label(), Theme.LEGEND, MAX_LABEL);
  }

  private static double itemWidth(Item item) {
    if (item.title != null) {
      return Text.width(item.title, Theme.LEGEND_TITLE);
    }
    return SAMPLE + SAMPLE_GAP + Text.width(label(item.entry), Theme.LEGEND);
  }

  /**
   * Places the items: stacked, in columns no taller than {@code limit}; otherwise in lines no
   * wider than {@code limit}, each block starting a new line.
   */
  private List<Item> place(boolean stacked, double limit) {
    List<Item> items = new ArrayList<>();
    if (stacked) {
      double column = 0;
      for (Style.Block block : blocks) {
        for (Style.Entry entry : block.entries()) {
          column = Math.max(column, itemWidth(new Item(0, 0, null, entry)));
        }
        if (block.title() != null) {
          column = Math.max(column, Text.width(block.title(), Theme.LEGEND_TITLE));
        }
      }
      double x = 0;
      double y = 0;
      for (Style.Block block : blocks) {
        if (block.title() != null) {
          items.add(new Item(x, y, block.title(), null));
          y += ROW;
        }
        for (Style.Entry entry : block.entries()) {
          if (y + ROW > limit && y > 0) {
            x += column + COLUMN_GAP;
            y = 0;
          }
          items.add(new Item(x, y, null, entry));
          y += ROW;
        }
        y += BLOCK_GAP;
      }
      return items;
    }
    double y = 0;
    for (Style.Block block : blocks) {
      double x = 0;
      if (block.title() != null) {
        items.add(new Item(x, y, block.title(), null));
        x += Text.width(block.title(), Theme.LEGEND_TITLE) + ENTRY_GAP;
      }
      for (Style.Entry entry : block.entries()) {
        Item item = new Item(x, y, null, entry);
        double w = itemWidth(item);
        if (x + w > limit && x > 0) {
          y += ROW;
          x = 0;
          item = new Item(x, y, null, entry);
        }
        items.add(item);
        x += w + ENTRY_GAP;
      }
      y += ROW + BLOCK_GAP / 2;
    }
    return items;
  }
}
