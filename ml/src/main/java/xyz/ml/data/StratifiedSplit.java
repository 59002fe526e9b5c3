package xyz.ml.data;

import java.util.SplittableRandom;

/**
 * A seeded train/test split that keeps each class's share the same in both parts.
 *
 * @param train the row indices of the training part, in ascending order
 * @param test the row indices of the test part, in ascending order
 */
public record StratifiedSplit(int[] train, int[] test) {

  /**
   * Splits rows by class: of each class's rows, a seeded shuffle sends {@code testFraction} of
   * them (rounded) to the test part and the rest to the training part.
   *
   * @param labels the class of each row
   * @param classes the number of classes
   * @param testFraction the share of each class that goes to the test part, in (0, 1)
   * @param seed the seed of the shuffle: each seed gives its own split
   */
  public static StratifiedSplit of(int[] labels, int classes, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must lie in (0, 1), got " + testFraction);
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] inTest = new boolean[labels.length];
    for (int[] rows : ClassRows.byClass(labels, classes)) {
      ClassRows.shuffle(rows, random);
      long testRows = Math.round(rows.length * testFraction);
      for (int k = 0; k < testRows; k++) {
        inTest[rows[k]] = true;
      }
    }
    int testCount = 0;
    for (boolean t : inTest) {
      testCount += t ? 1 : 0;
    }
    int[] train = new int[labels.length - testCount];
    int[] test = new int[testCount];
    int a = 0;
    int b = 0;
    for (int i = 0; i < labels.length; i++) {
      if (inTest[i]) {
        test[b++] = i;
      } else {
        train[a++] = i;
      }
    }
    return new StratifiedSplit(train, test);
  }
}
