package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import xyz.run.ExperimentProvider;
import xyz.run.MemoryCellContext;

class LabelNoiseProviderTest {

  @Test
  void service_loader_finds_label_noise_and_it_runs_a_cell() throws Exception {
    ExperimentProvider provider = ServiceLoader.load(ExperimentProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("label-noise"))
        .findFirst()
        .orElseThrow();

    MemoryCellContext cell = new MemoryCellContext(
        Map.of("method", "logreg", "dataset", "penguins", "p", 0.0, "seed", 0L));
    provider.create().run(cell);

    assertThat(provider.description()).contains("train_acc", "test_acc", "fit_seconds");
    assertThat(cell.last().get("test_acc")).isGreaterThan(0.9);
  }
}
