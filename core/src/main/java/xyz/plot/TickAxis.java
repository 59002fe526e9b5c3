package xyz.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A JFreeChart axis that draws the ticks it is given instead of choosing its own, so that the
 * figure's layout knows every label before anything is drawn and panels that share a scale show
 * the same ticks.
 */
final class TickAxis extends NumberAxis {
  private static final long serialVersionUID = 1L;

  private final transient List<Tick> ticks;
  private final boolean verticalLabels;

  TickAxis(List<Tick> ticks, boolean verticalLabels) {
    this.ticks = List.copyOf(ticks);
    this.verticalLabels = verticalLabels;
    setAutoRange(false);
    setAutoTickUnitSelection(false);
  }

  @Override
  @SuppressWarnings("rawtypes") // JFreeChart declares the raw type.
  public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
      RectangleEdge edge) {
    List<NumberTick> result = new ArrayList<>();
    for (Tick tick : ticks) {
      if (!getRange().contains(tick.position())) {
        continue;
      }
      TextAnchor anchor;
      double angle = 0;
      if (RectangleEdge.isTopOrBottom(edge)) {
        if (verticalLabels) {
          anchor = TextAnchor.CENTER_RIGHT;
          angle = -Math.PI / 2;
        } else {
          anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        }
      } else {
        anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
      }
      result.add(new NumberTick(tick.position(), tick.label(), anchor, anchor, angle));
    }
    return result;
  }
}
