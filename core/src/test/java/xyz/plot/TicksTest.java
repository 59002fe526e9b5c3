package xyz.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicksTest {
  private Locale saved;

  @BeforeEach
  void germanLocale() {
    // Labels must not follow the machine's locale (de writes 0,5 and 1.000).
    saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  private static List<String> labels(List<Tick> ticks) {
    return ticks.stream().map(Tick::label).toList();
  }

  @Test
  void unitRangeGetsFifths() {
    assertThat(labels(Ticks.linear(0, 1, 220, 45)))
        .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
  }

  @Test
  void labelsCarryNoFloatNoise() {
    List<Tick> ticks = Ticks.linear(0, 0.3, 200, 60);
    assertThat(labels(ticks)).containsExactly("0.0", "0.1", "0.2", "0.3");
    assertThat(ticks.get(3).position()).isEqualTo(0.3);
  }

  @Test
  void negativeRangeHasNoNegativeZero() {
    assertThat(labels(Ticks.linear(-1, 0.01, 160, 36)))
        .containsExactly("-1.0", "-0.8", "-0.6", "-0.4", "-0.2", "0.0");
    assertThat(labels(Ticks.linear(-0.3, 0, 160, 36)))
        .containsExactly("-0.3", "-0.2", "-0.1", "0.0");
  }

  @Test
  void largeNumbersHaveNoGroupingSeparator() {
    assertThat(labels(Ticks.linear(0, 5000, 220, 45)))
        .containsExactly("0", "1000", "2000", "3000", "4000", "5000");
    assertThat(labels(Ticks.linear(0, 3e6, 220, 60))).containsExactly("0", "1e6", "2e6", "3e6");
  }

  @Test
  void stepsGetWholeNumbersOnly() {
    assertThat(labels(Ticks.linear(0.9, 3.1, 220, 45, true))).containsExactly("1", "2", "3");
    assertThat(labels(Ticks.linear(-10, 360, 220, 45, true)))
        .containsExactly("0", "100", "200", "300");
  }

  @Test
  void logAxisUsesPowersOfTen() {
    assertThat(labels(Ticks.log(-3.2, 0.1, 160, 36)))
        .containsExactly("0.001", "0.01", "0.1", "1");
    assertThat(labels(Ticks.log(-7, -5, 160, 36))).containsExactly("1e-7", "1e-6", "1e-5");
    assertThat(Ticks.log(-3.2, 0.1, 160, 36).get(0).position()).isEqualTo(-3.0);
  }

  @Test
  void logAxisOverManyDecadesLabelsSomeAndGridsAll() {
    List<Tick> ticks = Ticks.log(-4.2, 1.1, 220, 45);
    assertThat(labels(ticks)).containsExactly("1e-4", "", "0.01", "", "1", "");
    assertThat(ticks.get(1).position()).isEqualTo(-3.0);
    List<Tick> wide = Ticks.log(-12, 12, 160, 36);
    assertThat(wide).hasSize(25);
    assertThat(wide.stream().filter(t -> !t.label().isEmpty()).count()).isLessThanOrEqualTo(4);
  }

  @Test
  void shortLogRangeFallsBackToOneTwoFive() {
    assertThat(labels(Ticks.log(Math.log10(1.5), Math.log10(60), 160, 36)))
        .containsExactly("2", "5", "10", "20", "50");
    assertThat(labels(Ticks.log(Math.log10(0.55), Math.log10(0.95), 160, 36)))
        .containsExactly("0.6", "0.7", "0.8", "0.9");
  }

  @Test
  void scientificLabels() {
    assertThat(Ticks.scientific(new BigDecimal("0.000025"))).isEqualTo("2.5e-5");
    assertThat(Ticks.scientific(new BigDecimal("2000000"))).isEqualTo("2e6");
    assertThat(Ticks.scientific(BigDecimal.ZERO)).isEqualTo("0");
  }

  @Test
  void xTicksDropLabelsThatWouldSpillIntoTheNextPanel() {
    // Ticks at both ends of a tight span: their labels would cross the panel's edges.
    List<Tick> ticks = AxisTicks.x(new Span(0, 1), 220, false, false);
    assertThat(labels(ticks)).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    List<Tick> inner = AxisTicks.inside(ticks, new Span(0, 1), 220, false, false, true);
    assertThat(labels(inner)).containsExactly("", "0.2", "0.4", "0.6", "0.8", "");
    assertThat(inner.get(0).position()).isZero();
    // The first column has no neighbour on its left, the last none on its right.
    assertThat(labels(AxisTicks.inside(ticks, new Span(0, 1), 220, true, false, true)))
        .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "");
  }

  @Test
  void categoryLabelsTurnWhenTheyDoNotFit() {
    assertThat(AxisTicks.turnCategories(List.of("a", "b", "c"), 220)).isFalse();
    assertThat(AxisTicks.turnCategories(
        List.of("random-forest", "gradient-boosting", "logistic-regression"), 220)).isTrue();
  }
}
