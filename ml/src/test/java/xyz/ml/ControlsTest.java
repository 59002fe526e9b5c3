package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xyz.UserError;
import xyz.run.MemoryCellContext;

class ControlsTest {

  private static Controls of(Map<String, Object> params) {
    return new Controls(new MemoryCellContext(params), "the toy experiment");
  }

  @Test
  void aControlTheCellLacksTakesItsDefaultAndOneItHasItsLevel() {
    Controls controls = of(Map.of("steps", 30L, "lr", 0.25));

    assertThat(controls.integer("steps", 10, 1, 100)).isEqualTo(30);
    assertThat(controls.integer("batch", 8, 1, 100)).isEqualTo(8);
    assertThat(controls.number("lr", 0.5, false)).isEqualTo(0.25);
    assertThat(controls.number("momentum", 0.9, true, 1)).isEqualTo(0.9);
  }

  @Test
  void aWholeNumberOutOfRangeNamesTheExperimentTheRangeAndTheDefault() {
    assertThatThrownBy(() -> of(Map.of("steps", 101L)).integer("steps", 10, 1, 100))
        .isInstanceOf(UserError.class)
        .hasMessage("controls.steps: 101 is out of range for the toy experiment"
            + "\n  valid: whole numbers from 1 to 100"
            + "\n  fix: choose levels in that range (default 10)");
  }

  @Test
  void zeroIsValidOnlyWhereAllowed() {
    Controls controls = of(Map.of("weight_decay", 0.0));

    assertThat(controls.number("weight_decay", 5e-4, true)).isZero();
    assertThatThrownBy(() -> controls.number("weight_decay", 5e-4, false))
        .isInstanceOf(UserError.class)
        .hasMessage("controls.weight_decay: 0.0 is not a valid weight_decay for the toy"
            + " experiment\n  valid: finite numbers > 0\n  fix: choose levels such as 5.0E-4");
  }

  @Test
  void aNumberAtTheBoundOrNotFiniteIsRefusedWithTheBound() {
    assertThatThrownBy(() -> of(Map.of("momentum", 1L)).number("momentum", 0.9, true, 1))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("valid: finite numbers >= 0 and < 1\n");
    assertThatThrownBy(() -> of(Map.of("dropout", 0.5)).number("dropout", 0.1, true, 0.5))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("valid: finite numbers >= 0 and < 0.5\n");
    assertThatThrownBy(() -> of(Map.of("lr", Double.POSITIVE_INFINITY)).number("lr", 0.1, false))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("controls.lr: Infinity is not a valid lr");
  }
}
