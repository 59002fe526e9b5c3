package xyz.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void seedOneWithNoSaltGivesSplitMix64sFirstOutputFromZero() {
    // SplitMix64 adds the golden gamma before its finaliser: from state 0 it first outputs this.
    assertThat(Seeds.mix(1, 0)).isEqualTo(0xe220a8397b1dcdafL);
  }

  @Test
  void neighbouringSeedsAndSaltsGiveDistinctSeeds() {
    Set<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      for (long salt = 0; salt < 50; salt++) {
        seen.add(Seeds.mix(seed, salt));
      }
    }
    assertThat(seen).hasSize(2500);
  }
}
