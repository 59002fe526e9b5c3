package xyz.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import xyz.study.Study;
import xyz.study.TestStudies;

/**
 * Measures planning a grid of a million cells. It prints the time rather than asserting it,
 * since the machine running the tests may be busy; the figure goes into the project's notes.
 */
class PlannerSpeedTest {

  @Test
  void plansAMillionCells() {
    Study study = TestStudies.parse("""
        methods: [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9]
        datasets: [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9]
        controls:
          p: {linspace: [0, 1, 100]}
          seed: {range: [100], replicate: true}
        exclude:
          - "method == 'm0' and p > 2"
        """);
    long cold = System.nanoTime();
    Planner.plan(study);
    long coldNanos = System.nanoTime() - cold;

    long start = System.nanoTime();
    Plan plan = Planner.plan(study);
    long nanos = System.nanoTime() - start;

    System.out.printf(Locale.ROOT, "planned %,d cells in %.3f s the first time, then %.3f s "
        + "(%.0f ns per cell)%n", plan.size(), coldNanos / 1e9, nanos / 1e9,
        (double) nanos / plan.size());
    assertThat(plan.size()).isEqualTo(1_000_000);
    assertThat(plan.cells().get(999_999).params().get("seed")).isEqualTo(99L);
    assertThat(plan.cells().get(999_999).id())
        .isEqualTo(CellIds.of("builtin:demo#1", plan.cells().get(999_999).params()));
  }
}
