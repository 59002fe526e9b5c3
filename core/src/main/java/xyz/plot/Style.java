package xyz.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * How each line looks and the legend that explains it. Levels of the colour axis get the colours
 * of the Okabe-Ito palette (safe for colour-blind readers) in declaration order, repeated with a
 * new dash pattern past eight. Colours go to the levels a figure shows, so that a filtered figure
 * still gets the most distinct ones. With several observables, each gets a dash pattern; without a
 * colour axis it gets a colour too.
 */
final class Style {
  private static final Color[] OKABE_ITO = {
    new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
    new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
  private static final float[][] DASHES = {
    null, {6f, 3f}, {1.5f, 2.5f}, {7f, 2.5f, 1.5f, 2.5f}};
  private static final Color OBSERVABLE_KEY = new Color(0x444444);
  private static final float WIDTH = 1.4f;

  private final Frame frame;
  private final String colorAxisName;
  private final boolean byColorAxis;

  /** One legend entry: a line sample and its label. */
  record Entry(String label, Color color, float[] dash) {}

  /** A titled group of legend entries; the title may be null. */
  record Block(String title, List<Entry> entries) {}

  /**
   * Styles the lines of a frame.
   *
   * @param colorAxis the name of the colour axis, or null
   */
  Style(Frame frame, String colorAxis) {
    this.frame = frame;
    this.colorAxisName = colorAxis;
    this.byColorAxis = colorAxis != null;
  }

  /** The colour of a series. */
  Color color(int series) {
    if (byColorAxis) {
      return palette(frame.colorOf(series));
    }
    return palette(frame.observableOf(series));
  }

  /** The stroke of a series. */
  BasicStroke stroke(int series) {
    return stroke(dash(series));
  }

  private float[] dash(int series) {
    if (frame.y().size() > 1) {
      return DASHES[frame.observableOf(series) % DASHES.length];
    }
    return byColorAxis ? levelDash(frame.colorOf(series)) : null;
  }

  static BasicStroke stroke(float[] dash) {
    return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_BEVEL, 10f, dash, 0f);
  }

  static Color palette(int index) {
    return OKABE_ITO[index % OKABE_ITO.length];
  }

  private static float[] levelDash(int level) {
    return DASHES[level / OKABE_ITO.length % DASHES.length];
  }

  /** The legend: empty when one plain line per panel needs no key. */
  List<Block> legend() {
    List<Block> blocks = new ArrayList<>();
    List<String> ys = frame.y();
    if (byColorAxis) {
      List<Entry> entries = new ArrayList<>();
      for (int h = 0; h < frame.colors(); h++) {
        entries.add(new Entry(frame.colorLabels().get(h), palette(h),
            ys.size() > 1 ? null : levelDash(h)));
      }
      blocks.add(new Block(colorAxisName, entries));
    }
    if (ys.size() > 1) {
      List<Entry> entries = new ArrayList<>();
      for (int j = 0; j < ys.size(); j++) {
        entries.add(new Entry(ys.get(j), byColorAxis ? OBSERVABLE_KEY : palette(j),
            DASHES[j % DASHES.length]));
      }
      blocks.add(new Block(byColorAxis ? "observable" : null, entries));
    }
    return blocks;
  }
}
