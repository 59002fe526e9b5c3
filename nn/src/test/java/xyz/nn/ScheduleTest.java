package xyz.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void theRateDropsTenfoldAtTheNotebooksMilestones() {
    // 350 epochs: milestones 116 and 233 (epochs // 3, 2 * epochs // 3), counted from 0.
    Schedule s = new Schedule(350, 0.0679, 0.9, 5e-4, 128);

    assertThat(s.lrAt(1)).isEqualTo(0.0679);
    assertThat(s.lrAt(116)).isEqualTo(0.0679);
    assertThat(s.lrAt(117)).isCloseTo(0.00679, offset(1e-12));
    assertThat(s.lrAt(233)).isCloseTo(0.00679, offset(1e-12));
    assertThat(s.lrAt(234)).isCloseTo(0.000679, offset(1e-12));
    assertThat(s.lrAt(350)).isCloseTo(0.000679, offset(1e-12));
  }

  @Test
  void aShortRunStillStartsAtTheFullRate() {
    Schedule two = new Schedule(2, 0.1, 0.9, 5e-4, 128);

    assertThat(two.lrAt(1)).isEqualTo(0.1);
    assertThat(two.lrAt(2)).isCloseTo(0.001, offset(1e-12));
  }
}
