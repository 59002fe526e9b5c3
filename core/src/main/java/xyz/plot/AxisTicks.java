package xyz.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the ticks of a panel axis so that labels neither crowd each other nor spill into the
 * neighbouring panel: more room between ticks until the widest label fits, and no label for a
 * tick whose text would cross the gap between panels.
 */
final class AxisTicks {
  private static final double X_SPACING = 45;
  /** How far a tick label may reach past the panel's edge, into the gap between panels. */
  private static final double SPILL = 0;
  private static final double Y_SPACING = 36;
  private static final double LABEL_GAP = 8;
  private static final double MAX_CATEGORY_LABEL = 110;

  private AxisTicks() {}

  /**
   * The x ticks of a panel {@code pixels} wide.
   *
   * @param integers whether x only takes whole numbers, as steps do
   */
  static List<Tick> x(Span span, double pixels, boolean log, boolean integers) {
    double spacing = X_SPACING;
    List<Tick> ticks = List.of();
    for (int attempt = 0; attempt < 8; attempt++, spacing *= 1.4) {
      ticks = log ? Ticks.log(span.min(), span.max(), pixels, spacing)
          : Ticks.linear(span.min(), span.max(), pixels, spacing, integers);
      if (fits(ticks, span, pixels)) {
        break;
      }
    }
    List<Tick> kept = new ArrayList<>();
    for (Tick t : ticks) {
      double at = (t.position() - span.min()) / span.length() * pixels;
      double half = Text.width(t.label(), Theme.TICK) / 2;
      boolean spills = at - half < -SPILL || at + half > pixels + SPILL;
      kept.add(spills ? new Tick(t.position(), "") : t);
    }
    return kept;
  }

  private static boolean fits(List<Tick> ticks, Span span, double pixels) {
    for (int i = 1; i < ticks.size(); i++) {
      double distance = (ticks.get(i).position() - ticks.get(i - 1).position()) / span.length()
          * pixels;
      double room = (Text.width(ticks.get(i).label(), Theme.TICK)
          + Text.width(ticks.get(i - 1).label(), Theme.TICK)) / 2 + LABEL_GAP;
      if (distance < room) {
        return false;
      }
    }
    return true;
  }

  /** The y ticks of a panel {@code pixels} high. */
  static List<Tick> y(Span span, double pixels, boolean log) {
    List<Tick> ticks = log ? Ticks.log(span.min(), span.max(), pixels, Y_SPACING)
        : Ticks.linear(span.min(), span.max(), pixels, Y_SPACING);
    double half = Text.height(Theme.TICK) / 2;
    List<Tick> kept = new ArrayList<>();
    for (Tick t : ticks) {
      double at = (t.position() - span.min()) / span.length() * pixels;
      boolean spills = at - half < -Theme.PANEL_GAP / 2.0
          || at + half > pixels + Theme.PANEL_GAP / 2.0;
      kept.add(spills ? new Tick(t.position(), "") : t);
    }
    return kept;
  }

  /** Ticks for the categories of an x axis of text levels, shortened when turned. */
  static List<Tick> categories(List<String> labels, boolean turned) {
    List<String> shown = new ArrayList<>();
    for (String label : labels) {
      shown.add(turned ? Text.fit(label, Theme.TICK, MAX_CATEGORY_LABEL) : label);
    }
    return Ticks.categories(shown);
  }

  /** Whether category labels must be turned a quarter to fit side by side. */
  static boolean turnCategories(List<String> labels, double pixels) {
    double slot = pixels / Math.max(1, labels.size());
    return Layout.widest(labels, Theme.TICK) + 4 > slot;
  }
}
