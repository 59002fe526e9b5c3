package xyz.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import xyz.UserError;
import xyz.run.MemoryCellContext;

class NeuralCollapseSettingsTest {

  @Test
  void controlsTheCellLacksTakeTheProtocolsDefaults() {
    NeuralCollapseSettings s = NeuralCollapseSettings.of(
        new MemoryCellContext(Map.of("method", "mlp6", "dataset", "mnist", "lr", 0.02)));

    assertThat(s.net()).isEqualTo(Net.MLP6);
    assertThat(s.perClass()).isEqualTo(100);
    assertThat(s.testPerClass()).isEqualTo(100);
    assertThat(s.width()).isEqualTo(256);
    assertThat(s.schedule()).isEqualTo(new Schedule(100, 0.02, 0.9, 5e-4, 128));
    assertThat(s.snapshots()).isEqualTo(30);
    assertThat(s.seed()).isZero();
  }

  @Test
  void aMisspeltControlIsRefusedWithTheNearestName() {
    MemoryCellContext cell = new MemoryCellContext(
        Map.of("method", "mlp3", "dataset", "mnist", "weight_decy", 0.005));

    assertThatThrownBy(() -> NeuralCollapseSettings.of(cell)).isInstanceOf(UserError.class)
        .hasMessageContaining("controls.weight_decy: the neural-collapse experiment has no"
            + " control 'weight_decy'")
        .hasMessageContaining("fix: rename it to 'weight_decay'");
  }

  @Test
  void anUnknownNetworkGetsTheValidOnes() {
    MemoryCellContext cell = new MemoryCellContext(Map.of("method", "mlp4", "dataset", "mnist"));

    assertThatThrownBy(() -> NeuralCollapseSettings.of(cell)).isInstanceOf(UserError.class)
        .hasMessageContaining("methods: unknown network 'mlp4'")
        .hasMessageContaining("mlp3");
  }

  @Test
  void valuesOutOfRangeSayTheRange() {
    MemoryCellContext momentum = new MemoryCellContext(Map.of("method", "cnn", "dataset", "digits",
        "momentum", 1.0));
    MemoryCellContext batch =
        new MemoryCellContext(Map.of("method", "cnn", "dataset", "digits", "batch", 0L));

    assertThatThrownBy(() -> NeuralCollapseSettings.of(momentum)).isInstanceOf(UserError.class)
        .hasMessageContaining("controls.momentum: 1.0 is not a valid momentum")
        .hasMessageContaining("valid: finite numbers >= 0 and < 1");
    assertThatThrownBy(() -> NeuralCollapseSettings.of(batch)).isInstanceOf(UserError.class)
        .hasMessageContaining("controls.batch: 0 is out of range")
        .hasMessageContaining("valid: whole numbers from 1 to 1000000");
  }
}
