package xyz.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Slurm keys of {@code executor}: read into {@link SlurmSpec}, bad values reported. */
class SlurmOptionsTest {

  @Test
  void everySlurmKeyIsRead() {
    Study study = TestStudies.parse("""
        executor:
          type: slurm
          partition: gpu
          time: 1h30m
          mem: 8G
          cpus: 4
          gres: gpu:1
          account: lab
          qos: long
          extra: [--constraint=a100, --exclusive]
          cells_per_task: 20
          throttle: 50
        """);

    assertThat(study.executor().type()).isEqualTo("slurm");
    assertThat(study.executor().slurm()).isEqualTo(new SlurmSpec("gpu", Duration.ofMinutes(90),
        "8G", 4, "gpu:1", "lab", "long", List.of("--constraint=a100", "--exclusive"), 20, null,
        50));
  }

  @Test
  void aLocalStudyHasNoSlurmOptions() {
    Study study = TestStudies.parse("executor: local\n");

    assertThat(study.executor()).isEqualTo(new ExecutorSpec("local", null));
    assertThat(study.executor().slurm()).isEqualTo(SlurmSpec.defaults());
  }

  @Test
  void badValuesAreReportedWithTheirKeyAndFix() {
    StudyException e = catchThrowableOfType(StudyException.class, () -> TestStudies.parse("""
        executor:
          type: slurm
          mem: 8 GB
          time: 90
          cells_per_task: 0
          extra: [constraint=a100]
        """));

    assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("executor.mem", "'8 GB' is not a Slurm memory size"),
        org.assertj.core.groups.Tuple.tuple("executor.time", "'90' is not a duration"),
        org.assertj.core.groups.Tuple.tuple("executor.cells_per_task",
            "cells_per_task must be between 1 and 1000000, found 0"),
        org.assertj.core.groups.Tuple.tuple("executor.extra[0]",
            "'constraint=a100' is not an sbatch option"));
    assertThat(e.problems().get(0).fix()).contains("`mem: 4G`");
  }

  @Test
  void cellsPerTaskAndTargetTimeCannotBothBeGiven() {
    StudyException e = catchThrowableOfType(StudyException.class, () -> TestStudies.parse("""
        executor: {type: slurm, cells_per_task: 10, target_task_time: 1h}
        """));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("executor.target_task_time");
      assertThat(p.fix()).isEqualTo("keep one of the two");
    });
  }

  @Test
  void aMisspeltSlurmKeyGetsTheNearestName() {
    StudyException e = catchThrowableOfType(StudyException.class, () -> TestStudies.parse("""
        executor: {type: slurm, partiton: gpu}
        """));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).isEqualTo("unknown key 'partiton'");
      assertThat(p.suggestions()).containsExactly("partition");
    });
  }
}
