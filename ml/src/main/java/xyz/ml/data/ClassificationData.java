package xyz.ml.data;

import java.util.List;

/**
 * A labelled dataset held in memory: one row of features per sample and an integer class label.
 *
 * <p>The arrays are shared, not copied: callers read them and never write to them, which lets one
 * loaded dataset serve every cell of a study at once.
 *
 * @param name the name studies use for it, such as {@code iris}
 * @param featureNames one name per column of {@code features}
 * @param features the samples, {@code rows x featureNames.size()}
 * @param labels the class of each sample, an index into {@code classes}
 * @param classes the class names, in label order
 */
public record ClassificationData(
    String name,
    List<String> featureNames,
    double[][] features,
    int[] labels,
    List<String> classes) {

  /** Checks that the parts agree with each other. */
  public ClassificationData {
    featureNames = List.copyOf(featureNames);
    classes = List.copyOf(classes);
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          name + ": " + features.length + " feature rows but " + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (features[i].length != featureNames.size()) {
        throw new IllegalArgumentException(name + ": row " + i + " has " + features[i].length
            + " features, expected " + featureNames.size());
      }
      if (labels[i] < 0 || labels[i] >= classes.size()) {
        throw new IllegalArgumentException(name + ": row " + i + " has label " + labels[i]
            + ", expected 0 to " + (classes.size() - 1));
      }
    }
  }

  /** The number of samples. */
  public int rows() {
    return labels.length;
  }

  /** The number of features per sample. */
  public int featureCount() {
    return featureNames.size();
  }

  /** The number of classes. */
  public int classCount() {
    return classes.size();
  }

  /** How many samples each class has, in label order. */
  public int[] classCounts() {
    int[] counts = new int[classes.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }
}
