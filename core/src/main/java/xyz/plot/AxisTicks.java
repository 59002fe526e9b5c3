package xyz.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the ticks of a panel axis so that labels neither crowd each other nor spill into the
 * neighbouring panel: more room between ticks until the widest label fits, and no label for a
 * tick whose text would cross into the labels of the next panel.
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
   * The x ticks of a panel {@code pixels} wide: the roundest steps whose labels do not crowd.
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
    return ticks;
  }

  /**
   * The ticks with no label where it would reach past an end of the axis into a neighbouring
   * panel's labels; an end with no neighbour there ({@code lowOpen}, {@code highOpen}) lets its
   * label reach out.
   *
   * @param across whether the labels sit across the axis (x labels) rather than along it
   */
  static List<Tick> inside(List<Tick> ticks, Span span, double pixels, boolean lowOpen,
      boolean highOpen, boolean across) {
    List<Tick> kept = new ArrayList<>(ticks.size());
    for (Tick t : ticks) {
      double at = (t.position() - span.min()) / span.length() * pixels;
      double half = (across ? Text.width(t.label(), Theme.TICK) : Text.height(Theme.TICK)) / 2;
      boolean spills = !lowOpen && at - half < -SPILL || !highOpen && at + half > pixels + SPILL;
      kept.add(spills && !t.label().isEmpty() ? new Tick(t.position(), "") : t);
    }
    return kept;
  }

  private static boolean fits(List<Tick> all, Span span, double pixels) {
    List<Tick> ticks = all.stream().filter(t -> !t.label().isEmpty()).toList();
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
    return log ? Ticks.log(span.min(), span.max(), pixels, Y_SPACING)
        : Ticks.linear(span.min(), span.max(), pixels, Y_SPACING);
  }

  /**
   * Ticks for the categories of an x axis of text levels, shortened when turned; when even
   * turned labels would overlap, only every second (third...) category is labelled.
   */
  static List<Tick> categories(List<String> labels, boolean turned, double pixels) {
    double slot = pixels / Math.max(1, labels.size());
    int every = turned ? (int) Math.ceil((Text.height(Theme.TICK) + 2) / slot) : 1;
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = turned ? Text.fit(labels.get(i), Theme.TICK, MAX_CATEGORY_LABEL)
          : labels.get(i);
      shown.add(i % every == 0 ? label : "");
    }
    return Ticks.categories(shown);
  }

  /** Whether category labels must be turned a quarter to fit side by side. */
  static boolean turnCategories(List<String> labels, double pixels) {
    double slot = pixels / Math.max(1, labels.size());
    return Layout.widest(labels, Theme.TICK) + 4 > slot;
  }
}
