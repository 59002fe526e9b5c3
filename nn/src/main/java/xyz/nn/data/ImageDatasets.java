package xyz.nn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import xyz.UserError;
import xyz.ml.data.ClassificationData;
import xyz.ml.data.Datasets;
import xyz.ml.data.StratifiedSplit;
import xyz.study.Suggestions;

/**
 * The image datasets of the neural-collapse experiment, by the names study files use:
 * {@code mnist} and {@code fashion_mnist}, which {@code scripts/fetch-datasets.sh} downloads into
 * the data folder, and {@code digits}, the 8x8 digits shipped inside xyz. Each is read once per
 * JVM and then shared.
 *
 * <p>The data folder is the environment variable {@value #DATA_ENV} (the {@code xyz} launcher sets
 * it to {@code data/} at the repository's root), else the system property {@value #DATA_PROPERTY},
 * else {@code data} in the working directory.
 */
public final class ImageDatasets {

  /** The environment variable that names the data folder. */
  public static final String DATA_ENV = "XYZ_DATA";

  /** The system property that names the data folder when the environment does not. */
  public static final String DATA_PROPERTY = "xyz.data";

  /** The command that fills the data folder. */
  public static final String FETCH = "scripts/fetch-datasets.sh";

  /** The names study files use, in the order the README lists them. */
  public static final List<String> NAMES = List.of("mnist", "fashion_mnist", "digits");

  /** The share of each digit held out once for testing: the digits have no test set. */
  static final double DIGITS_TEST_FRACTION = 0.3;

  // A constant, not the cell's seed: every cell sees the same digits test set, as with MNIST's.
  private static final long DIGITS_SPLIT_SEED = 0xd161L;

  private static final List<String> DIGITS =
      IntStream.range(0, 10).mapToObj(String::valueOf).toList();
  private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private static final Map<String, ImageSet> LOADED = new ConcurrentHashMap<>();

  private ImageDatasets() {}

  /**
   * The dataset called {@code name}, from the data folder or from xyz itself.
   *
   * @throws UserError when no dataset has that name (the message names the nearest one), or when
   *     its files are missing (the message names the command that fetches them)
   */
  public static ImageSet load(String name) {
    if (!NAMES.contains(name)) {
      List<String> near = Suggestions.nearest(name, NAMES);
      throw new UserError("datasets: unknown image dataset '" + name + "'"
          + Suggestions.hint(name, NAMES) + "\n  fix: " + (near.isEmpty()
              ? "list only " + String.join(", ", NAMES)
              : "replace '" + name + "' with '" + near.get(0) + "'")
          + " in the study's `datasets`");
    }
    return LOADED.computeIfAbsent(name, n -> read(n, folder()));
  }

  /** The data folder this JVM reads MNIST and Fashion-MNIST from. */
  public static Path folder() {
    String env = System.getenv(DATA_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty(DATA_PROPERTY, "data"));
  }

  /** Reads a dataset from {@code folder}, uncached (for tests of other folders). */
  static ImageSet read(String name, Path folder) {
    return switch (name) {
      case "mnist" -> idx(name, folder.resolve("mnist"), DIGITS);
      case "fashion_mnist" -> idx(name, folder.resolve("fashion-mnist"), FASHION);
      case "digits" -> digits();
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static ImageSet idx(String name, Path dir, List<String> classes) {
    Path trainImages = file(name, dir, "train-images-idx3-ubyte");
    Path trainLabels = file(name, dir, "train-labels-idx1-ubyte");
    Path testImages = file(name, dir, "t10k-images-idx3-ubyte");
    Path testLabels = file(name, dir, "t10k-labels-idx1-ubyte");
    IdxFile.Images train = IdxFile.readImages(trainImages);
    IdxFile.Images test = IdxFile.readImages(testImages);
    int[] trainY = IdxFile.readLabels(trainLabels, classes.size());
    int[] testY = IdxFile.readLabels(testLabels, classes.size());
    agree(train, trainImages, trainY, trainLabels);
    agree(test, testImages, testY, testLabels);
    if (test.height() != train.height() || test.width() != train.width()) {
      throw new UserError("datasets: " + testImages + " holds " + test.height() + "x"
          + test.width() + " images but " + trainImages + " holds " + train.height() + "x"
          + train.width() + "\n  fix: delete " + dir + " and run " + FETCH + " again");
    }
    return new ImageSet(name, train.height(), train.width(), classes,
        new ImageSet.Part(train.pixels(), trainY), new ImageSet.Part(test.pixels(), testY));
  }

  private static Path file(String name, Path dir, String base) {
    for (String candidate : List.of(base, base + ".gz")) {
      Path path = dir.resolve(candidate);
      if (Files.isRegularFile(path)) {
        return path;
      }
    }
    throw new UserError("datasets: " + name + " is not in the data folder: " + dir.resolve(base)
        + " (or .gz) does not exist\n  fix: run " + FETCH + " (it downloads MNIST and"
        + " Fashion-MNIST into data/ and checks their SHA-256), or set " + DATA_ENV
        + " to a folder that holds mnist/ and fashion-mnist/");
  }

  private static void agree(IdxFile.Images images, Path imageFile, int[] labels, Path labelFile) {
    if (images.count() != labels.length) {
      throw new UserError("datasets: " + imageFile + " holds " + images.count() + " images but "
          + labelFile + " holds " + labels.length + " labels\n  fix: delete "
          + imageFile.getParent() + " and run " + FETCH + " again");
    }
  }

  private static ImageSet digits() {
    ClassificationData data = Datasets.load("digits");
    StratifiedSplit split = StratifiedSplit.of(
        data.labels(), data.classCount(), DIGITS_TEST_FRACTION, DIGITS_SPLIT_SEED);
    return new ImageSet("digits", 8, 8, data.classes(), part(data, split.train()),
        part(data, split.test()));
  }

  private static ImageSet.Part part(ClassificationData data, int[] rows) {
    int width = data.featureCount();
    byte[] pixels = new byte[rows.length * width];
    int[] labels = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      double[] x = data.features()[rows[r]];
      for (int j = 0; j < width; j++) {
        // The digits are grey levels 0 to 16, whole numbers.
        pixels[r * width + j] = (byte) (int) x[j];
      }
      labels[r] = data.labels()[rows[r]];
    }
    return new ImageSet.Part(pixels, labels);
  }
}
