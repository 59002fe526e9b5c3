package xyz.nn.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import xyz.UserError;
import xyz.ml.data.ClassRows;

/** A seeded choice of the same number of examples from every class, as PNAS 2020 trains on. */
public final class BalancedSubset {

  private BalancedSubset() {}

  /**
   * Picks {@code perClass} rows of each class at random.
   *
   * @param labels the class of each row
   * @param classes the number of classes
   * @param perClass how many rows of each class to keep, at least 1
   * @param seed the seed of the choice: each seed picks its own rows
   * @param what the part picked from, for messages, such as {@code the mnist training set}
   * @return the chosen rows in ascending order
   * @throws UserError when a class has fewer than {@code perClass} rows
   */
  public static int[] pick(int[] labels, int classes, int perClass, long seed, String what) {
    int[][] byClass = ClassRows.byClass(labels, classes);
    int fewest = Arrays.stream(byClass).mapToInt(rows -> rows.length).min().orElse(0);
    if (perClass < 1 || perClass > fewest) {
      int smallest = 0;
      while (byClass[smallest].length != fewest) {
        smallest++;
      }
      throw new UserError("controls.per_class: " + perClass + " examples per class, but "
          + (perClass < 1 ? "at least 1 is needed" : "class " + smallest + " of " + what
              + " has only " + fewest)
          + "\n  valid: 1 to " + fewest + " for " + what
          + "\n  fix: choose per_class levels within that range");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] chosen = new int[perClass * classes];
    int n = 0;
    for (int[] rows : byClass) {
      // A partial Fisher-Yates shuffle: the first perClass places get a uniform random choice.
      for (int i = 0; i < perClass; i++) {
        int j = i + random.nextInt(rows.length - i);
        int swap = rows[i];
        rows[i] = rows[j];
        rows[j] = swap;
        chosen[n++] = rows[i];
      }
    }
    Arrays.sort(chosen);
    return chosen;
  }
}
