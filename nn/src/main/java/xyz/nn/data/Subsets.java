package xyz.nn.data;

/**
 * The standardised, balanced training and test examples one cell trains and measures on. Every
 * pixel is centred and scaled by the one mean and standard deviation of all training pixels, as
 * the authors' notebook normalises MNIST; the test examples get the training statistics.
 *
 * <p>A statistic per pixel would not do on small subsets: a border pixel that is blank in every
 * chosen training image has no spread, and a test image with ink there would come out hundreds
 * of standard deviations away.
 *
 * @param dataset the dataset they come from
 * @param trainX the training images, {@code trainY.length x pixels}, row-major
 * @param trainY the class of each training image
 * @param testX the test images, row-major
 * @param testY the class of each test image
 */
public record Subsets(ImageSet dataset, float[] trainX, int[] trainY, float[] testX, int[] testY) {

  /**
   * Picks {@code perClass} training and {@code testPerClass} test images of each class with the
   * seed, and standardises them.
   *
   * @throws xyz.UserError when a class has too few images for either count
   */
  public static Subsets of(ImageSet data, int perClass, int testPerClass, long seed) {
    int classes = data.classCount();
    int[] trainRows = BalancedSubset.pick(data.train().labels(), classes, perClass, seed,
        "the " + data.name() + " training set");
    int[] testRows = BalancedSubset.pick(data.test().labels(), classes, testPerClass,
        ~seed, "the " + data.name() + " test set");
    int d = data.pixelsPerImage();
    double sum = 0;
    double squares = 0;
    byte[] pixels = data.train().pixels();
    for (int row : trainRows) {
      for (int j = row * d; j < (row + 1) * d; j++) {
        int v = pixels[j] & 0xff;
        sum += v;
        squares += (double) v * v;
      }
    }
    long n = (long) trainRows.length * d;
    double mean = sum / n;
    double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
    double scale = sd > 0 ? sd : 1;
    return new Subsets(data, scaled(data.train(), trainRows, d, mean, scale),
        labels(data.train(), trainRows), scaled(data.test(), testRows, d, mean, scale),
        labels(data.test(), testRows));
  }

  /** The number of pixels of one image. */
  public int pixels() {
    return dataset.pixelsPerImage();
  }

  private static float[] scaled(ImageSet.Part part, int[] rows, int d, double mean,
      double scale) {
    float[] out = new float[rows.length * d];
    for (int r = 0; r < rows.length; r++) {
      int offset = rows[r] * d;
      for (int j = 0; j < d; j++) {
        out[r * d + j] = (float) (((part.pixels()[offset + j] & 0xff) - mean) / scale);
      }
    }
    return out;
  }

  private static int[] labels(ImageSet.Part part, int[] rows) {
    int[] out = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = part.labels()[rows[r]];
    }
    return out;
  }
}
