package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import xyz.ml.data.Datasets;
import xyz.ml.method.Method;

/**
 * Checks that {@code examples/label-noise/study.yaml} names exactly what the experiment accepts.
 * The whole study is run, through the command line, by the app module's test, which checks the
 * paper's result on its collected output.
 */
class LabelNoiseStudyTest {

  private static final Path STUDY = Path.of("..", "examples", "label-noise", "study.yaml");

  private static Map<String, Object> study;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void readStudy() throws Exception {
    study = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(STUDY));
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(String... keys) {
    Object node = study;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
    }
    return (T) node;
  }

  @Test
  void study_file_names_what_the_experiment_accepts() {
    assertThat(at("experiment", "builtin").toString()).isEqualTo(LabelNoiseProvider.NAME);
    assertThat(at("methods").toString()).isEqualTo(Method.ids().toString());
    assertThat(at("datasets").toString()).isEqualTo(Datasets.names().toString());
    assertThat(at("observables").toString()).isEqualTo("[train_acc, test_acc, fit_seconds]");
  }
}
