package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cli.Main;

/** A method or dataset a built-in does not know is refused by plan and run, before any cell. */
class BuiltinLevelsTest {
  @TempDir Path tmp;

  @Test
  void aMistypedMethodAndDatasetAreRefusedWithTheirPlaceAndTheNearestName() throws Exception {
    Path study = Files.writeString(tmp.resolve("study.yaml"), """
        study: typo
        methods: [logreg, treee]
        datasets:
          - iris
          - irs
        controls:
          p: [0.0, 0.5]
          seed: [0]
        observables: [test_acc]
        experiment:
          builtin: label-noise
        """);

    for (String command : new String[] {"plan", "run"}) {
      StringWriter err = new StringWriter();
      int code = Main.execute(new String[] {command, study.toString()},
          new PrintWriter(new StringWriter()), new PrintWriter(err, true));

      assertThat(code).as(command).isEqualTo(Main.USER_ERROR);
      assertThat(err.toString()).as(command).isEqualTo("xyz: " + study + ":2:19: methods: 'treee'"
          + " is not a method of the built-in label-noise\n"
          + "  valid: " + String.join(", ", xyz.ml.method.Method.ids()) + "\n"
          + "  did you mean 'tree'?\n"
          + "  fix: replace 'treee' with 'tree' in `methods:`\n"
          + study + ":5:5: datasets: 'irs' is not a dataset of the built-in label-noise\n"
          + "  valid: " + String.join(", ", xyz.ml.data.Datasets.names()) + "\n"
          + "  did you mean 'iris'?\n"
          + "  fix: replace 'irs' with 'iris' in `datasets:`\n"
          + "2 problems in " + study + "; nothing was run.\n");
    }
    assertThat(tmp.resolve("results/cells")).doesNotExist();
  }

  @Test
  void aMisspeltControlAndAMissingOneAreRefused() throws Exception {
    Path study = Files.writeString(tmp.resolve("study.yaml"), """
        study: typo
        methods: [logreg]
        datasets: [iris]
        controls:
          pp: [0.0, 0.5]
        observables: [test_acc]
        experiment:
          builtin: label-noise
        """);

    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"plan", study.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));

    assertThat(code).isEqualTo(Main.USER_ERROR);
    assertThat(err.toString()).isEqualTo("xyz: " + study + ":5:3: controls.pp: the built-in"
        + " label-noise reads no control 'pp' (every cell would run without it)\n"
        + "  valid: p, seed\n  did you mean 'p'?\n  fix: rename it to 'p'\n"
        + study + ": controls: the built-in label-noise needs the control 'p', which the study"
        + " does not declare\n  fix: add it under `controls:`, such as `p: [...]`\n"
        + study + ": controls: the built-in label-noise needs the control 'seed', which the"
        + " study does not declare\n  fix: add it under `controls:`, such as `seed: [...]`\n"
        + "3 problems in " + study + "; nothing was run.\n");
  }
}
