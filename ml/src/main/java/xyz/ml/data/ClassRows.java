package xyz.ml.data;

import java.util.SplittableRandom;

/** The rows of each class, and the seeded shuffle the split and the noise deal them out with. */
public final class ClassRows {

  private ClassRows() {}

  /**
   * For each class, the indices of its rows in ascending order.
   *
   * @param labels the class of each row, each in [0, classes)
   * @param classes the number of classes
   * @return one fresh array per class, which the caller may reorder
   */
  public static int[][] byClass(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] rows = new int[classes][];
    for (int c = 0; c < classes; c++) {
      rows[c] = new int[counts[c]];
    }
    int[] filled = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      rows[labels[i]][filled[labels[i]]++] = i;
    }
    return rows;
  }

  /** Fisher-Yates, so the order depends only on the seed and not on a library's shuffle. */
  static void shuffle(int[] rows, SplittableRandom random) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
  }
}
