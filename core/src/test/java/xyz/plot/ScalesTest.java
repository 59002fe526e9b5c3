package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalesTest {
  // Two rows by two columns, one line each; y spans differ everywhere, x per column.
  private static final Frame FRAME = new Frame(List.of("r0", "r1"), List.of("c0", "c1"),
      List.of(""), List.of("loss"), List.of());

  private static Curve line(int row, int col, double x0, double x1, double y0, double y1) {
    return new Curve(FRAME.series(row, col, 0, 0), new double[] {x0, x1},
        new double[] {y0, y1}, null, null);
  }

  private static final Curve[] CURVES = {
    line(0, 0, 0, 10, 0, 1), line(0, 1, 0, 20, 2, 3),
    line(1, 0, 0, 10, 4, 5), line(1, 1, 0, 20, 6, 10)};

  private static Span padded(double min, double max, double pad) {
    return Span.padded(min, max, pad);
  }

  @Test
  void sharedScalesSpanAllPanels() {
    Scales scales = new Scales(FRAME, "shared", CURVES);
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 2; c++) {
        assertThat(scales.y(r, c)).isEqualTo(padded(0, 10, 0.05));
        assertThat(scales.x(r, c)).isEqualTo(padded(0, 20, 0.05));
      }
    }
    assertThat(scales.yLabelsEverywhere()).isFalse();
    assertThat(scales.xLabelsEverywhere()).isFalse();
  }

  @Test
  void rowsShareYWithinARow() {
    Scales scales = new Scales(FRAME, "rows", CURVES);
    assertThat(scales.y(0, 0)).isEqualTo(padded(0, 3, 0.05)).isEqualTo(scales.y(0, 1));
    assertThat(scales.y(1, 0)).isEqualTo(padded(4, 10, 0.05)).isEqualTo(scales.y(1, 1));
    assertThat(scales.x(0, 0)).isEqualTo(padded(0, 20, 0.05));
    assertThat(scales.yLabelsEverywhere()).isFalse();
  }

  @Test
  void colsShareXAndYWithinAColumn() {
    Scales scales = new Scales(FRAME, "cols", CURVES);
    assertThat(scales.y(0, 0)).isEqualTo(padded(0, 5, 0.05)).isEqualTo(scales.y(1, 0));
    assertThat(scales.y(0, 1)).isEqualTo(padded(2, 10, 0.05)).isEqualTo(scales.y(1, 1));
    assertThat(scales.x(0, 0)).isEqualTo(padded(0, 10, 0.05));
    assertThat(scales.x(1, 1)).isEqualTo(padded(0, 20, 0.05));
    assertThat(scales.yLabelsEverywhere()).isTrue();
    assertThat(scales.xLabelsEverywhere()).isFalse();
  }

  @Test
  void freeScalesFitEachPanel() {
    Scales scales = new Scales(FRAME, "free", CURVES);
    assertThat(scales.y(0, 0)).isEqualTo(padded(0, 1, 0.05));
    assertThat(scales.y(0, 1)).isEqualTo(padded(2, 3, 0.05));
    assertThat(scales.y(1, 0)).isEqualTo(padded(4, 5, 0.05));
    assertThat(scales.y(1, 1)).isEqualTo(padded(6, 10, 0.05));
    assertThat(scales.x(1, 0)).isEqualTo(padded(0, 10, 0.05));
    assertThat(scales.xLabelsEverywhere()).isTrue();
  }

  @Test
  void bandsWidenTheRangeAndInfinitiesAreIgnored() {
    Curve banded = new Curve(FRAME.series(0, 0, 0, 0), new double[] {1, 2},
        new double[] {1, 2}, new double[] {Double.NEGATIVE_INFINITY, 0.5},
        new double[] {1.5, 4});
    Scales scales = new Scales(FRAME, "free", new Curve[] {banded});
    assertThat(scales.y(0, 0)).isEqualTo(padded(0.5, 4, 0.05));
    assertThat(scales.y(1, 1)).isEqualTo(new Span(0, 1));
  }

  @Test
  void paddingOfAFlatLine() {
    assertThat(Span.padded(2, 2, 0.05)).isEqualTo(new Span(1.9, 2.1));
    assertThat(Span.padded(0, 0, 0.05)).isEqualTo(new Span(-0.5, 0.5));
    assertThat(Span.padded(0, 10, 0.05)).isEqualTo(new Span(-0.5, 10.5));
  }
}
