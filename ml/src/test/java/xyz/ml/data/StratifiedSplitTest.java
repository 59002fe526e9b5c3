package xyz.ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StratifiedSplitTest {

  /** Labels of a seeded random dataset: 1 to 4 classes of 1 to 60 rows each, shuffled. */
  private static int[] labels(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int classes = 1 + random.nextInt(4);
    int[] sizes = IntStream.range(0, classes).map(c -> 1 + random.nextInt(60)).toArray();
    int[] labels = IntStream.range(0, classes)
        .flatMap(c -> IntStream.generate(() -> c).limit(sizes[c])).toArray();
    for (int i = labels.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = labels[i];
      labels[i] = labels[j];
      labels[j] = swap;
    }
    return labels;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void parts_cover_every_row_once_and_keep_each_class_share(long seed) {
    int[] labels = labels(seed);
    int classes = Arrays.stream(labels).max().getAsInt() + 1;

    StratifiedSplit split = StratifiedSplit.of(labels, classes, 0.3, seed);

    int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test()))
        .sorted().toArray();
    assertThat(all).containsExactly(IntStream.range(0, labels.length).toArray());
    assertThat(split.train()).isSorted();
    assertThat(split.test()).isSorted();
    for (int c = 0; c < classes; c++) {
      int label = c;
      long inClass = Arrays.stream(labels).filter(l -> l == label).count();
      long inTest = Arrays.stream(split.test()).filter(i -> labels[i] == label).count();
      assertThat(inTest).as("class %d of %d rows", c, inClass).isEqualTo(Math.round(inClass * 0.3));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2})
  void same_seed_gives_the_same_split_and_another_seed_another(long seed) {
    int[] labels = Datasets.load("iris").labels();

    StratifiedSplit first = StratifiedSplit.of(labels, 3, 0.3, seed);
    StratifiedSplit again = StratifiedSplit.of(labels, 3, 0.3, seed);
    StratifiedSplit other = StratifiedSplit.of(labels, 3, 0.3, seed + 1);

    assertThat(again.test()).containsExactly(first.test());
    assertThat(other.test()).isNotEqualTo(first.test());
    assertThat(first.test()).hasSize(45);
  }
}
