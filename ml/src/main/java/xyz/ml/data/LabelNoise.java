package xyz.ml.data;

import java.util.SplittableRandom;

/**
 * Corrupts training labels as Zhang et al. (ICLR 2017) do: with probability p, a label is
 * replaced by a class drawn uniformly from all classes (which may be its own class again).
 *
 * <p>Two choices keep the study's curves readable on small datasets:
 *
 * <ul>
 *   <li><b>Balanced draws.</b> Each replacement class is uniform on its own, but within each
 *       true class the replacements are dealt out evenly over the classes (a seeded shuffle, then
 *       classes in turn from a random start) instead of independently. With a few dozen rows per
 *       class, independent draws leave chance associations between the random and the true
 *       labels (20 of 50 rows of one class drawing that class, say), which a model learns and
 *       which then lifts or sinks its test accuracy far from chance at p = 1. Dealing them evenly
 *       gives what the paper's 50,000 images give by the law of large numbers: at p = 1 the
 *       training labels say nothing about the true classes.
 *   <li><b>Nested levels.</b> Each row draws its uniform number and its replacement class from the
 *       seed alone, whatever p is. So for one seed the rows corrupted at p = 0.4 are also
 *       corrupted, to the same classes, at p = 0.6, and the curves over p are not blurred by
 *       fresh draws at each level.
 * </ul>
 */
public final class LabelNoise {

  private LabelNoise() {}

  /**
   * A corrupted copy of {@code labels}.
   *
   * @param labels the clean labels, each in [0, classes)
   * @param classes the number of classes to draw replacements from
   * @param p the probability that a label is replaced, in [0, 1]
   * @param seed the seed of the draws
   */
  public static int[] corrupt(int[] labels, int classes, double p, long seed) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must lie in [0, 1], got " + p);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] u = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      u[i] = random.nextDouble();
    }
    int[] replacements = replacements(labels, classes, random);
    int[] noisy = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      // u lies in [0, 1), so p = 1 replaces every label and p = 0 none.
      noisy[i] = u[i] < p ? replacements[i] : labels[i];
    }
    return noisy;
  }

  /** A replacement class for every row, dealt out evenly within each true class. */
  private static int[] replacements(int[] labels, int classes, SplittableRandom random) {
    int[] replacements = new int[labels.length];
    for (int[] rows : ClassRows.byClass(labels, classes)) {
      ClassRows.shuffle(rows, random);
      int start = random.nextInt(classes);
      for (int rank = 0; rank < rows.length; rank++) {
        replacements[rows[rank]] = (start + rank) % classes;
      }
    }
    return replacements;
  }
}
