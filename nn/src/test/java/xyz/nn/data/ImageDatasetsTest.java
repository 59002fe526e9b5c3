package xyz.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.UserError;

/** The real datasets, as scripts/fetch-datasets.sh leaves them and as xyz ships the digits. */
class ImageDatasetsTest {

  private static int[] counts(int[] labels, int classes) {
    int[] counts = new int[classes];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  @Test
  void mnistHasItsCanonicalSizesAndClassCounts() {
    ImageSet mnist = ImageDatasets.load("mnist");

    assertThat(mnist.height()).isEqualTo(28);
    assertThat(mnist.width()).isEqualTo(28);
    assertThat(mnist.train().size()).isEqualTo(60_000);
    assertThat(mnist.test().size()).isEqualTo(10_000);
    assertThat(counts(mnist.train().labels(), 10))
        .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(counts(mnist.test().labels(), 10))
        .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    assertThat(ImageDatasets.load("mnist")).isSameAs(mnist);
  }

  @Test
  void fashionMnistIsBalancedAndNamesItsClasses() {
    ImageSet fashion = ImageDatasets.load("fashion_mnist");

    assertThat(fashion.train().size()).isEqualTo(60_000);
    assertThat(fashion.test().size()).isEqualTo(10_000);
    assertThat(counts(fashion.train().labels(), 10)).containsOnly(6000);
    assertThat(counts(fashion.test().labels(), 10)).containsOnly(1000);
    assertThat(fashion.classes()).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
  }

  @Test
  void theDigitsAreSplitOnceSeventyThirtyByClass() {
    ImageSet digits = ImageDatasets.load("digits");

    assertThat(digits.height()).isEqualTo(8);
    assertThat(digits.width()).isEqualTo(8);
    assertThat(digits.train().size() + digits.test().size()).isEqualTo(1797);
    int[] test = counts(digits.test().labels(), 10);
    int[] train = counts(digits.train().labels(), 10);
    for (int c = 0; c < 10; c++) {
      assertThat((double) test[c] / (test[c] + train[c])).isCloseTo(0.3, offset(0.01));
    }
    int max = 0;
    for (byte b : digits.train().pixels()) {
      max = Math.max(max, b & 0xff);
    }
    assertThat(max).isEqualTo(16);
  }

  @Test
  void anUnknownNameGetsTheNearestOne() {
    assertThatThrownBy(() -> ImageDatasets.load("fashion-mnist")).isInstanceOf(UserError.class)
        .hasMessageContaining("unknown image dataset 'fashion-mnist'")
        .hasMessageContaining("replace 'fashion-mnist' with 'fashion_mnist'");
  }

  @Test
  void anEmptyDataFolderNamesTheCommandThatFillsIt(@TempDir Path empty) {
    assertThatThrownBy(() -> ImageDatasets.read("mnist", empty)).isInstanceOf(UserError.class)
        .hasMessageContaining("mnist is not in the data folder: "
            + empty.resolve("mnist").resolve("train-images-idx3-ubyte") + " (or .gz)")
        .hasMessageContaining("fix: run scripts/fetch-datasets.sh");
  }
}
