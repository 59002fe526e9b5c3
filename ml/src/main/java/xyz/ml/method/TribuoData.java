package xyz.ml.method;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Moves plain arrays into Tribuo's datasets and scores Tribuo's predictions against labels. */
public final class TribuoData {

  // A fixed time keeps the provenance, and so anything derived from it, equal between runs.
  private static final OffsetDateTime EPOCH = OffsetDateTime.of(2017, 1, 1, 0, 0, 0, 0,
      ZoneOffset.UTC);

  private TribuoData() {}

  /**
   * A Tribuo dataset of the given rows and labels.
   *
   * @param source a name for the provenance, such as the dataset's name
   * @param featureNames the feature names, one per column
   * @param features the rows
   * @param labels each row's class, an index into {@code classes}
   * @param classes the class names
   */
  public static MutableDataset<Label> dataset(String source, List<String> featureNames,
      double[][] features, int[] labels, List<String> classes) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance(source, EPOCH, factory), factory);
    String[] names = featureNames.toArray(String[]::new);
    Label[] outputs = classes.stream().map(Label::new).toArray(Label[]::new);
    for (int i = 0; i < features.length; i++) {
      dataset.add(new ArrayExample<>(outputs[labels[i]], names, features[i]));
    }
    return dataset;
  }

  /** The share of the dataset's examples whose label the model predicts. */
  public static double accuracy(Model<Label> model, MutableDataset<Label> dataset) {
    List<Example<Label>> examples = dataset.getData();
    List<Prediction<Label>> predictions = model.predict(examples);
    int correct = 0;
    for (int i = 0; i < examples.size(); i++) {
      String truth = examples.get(i).getOutput().getLabel();
      if (predictions.get(i).getOutput().getLabel().equals(truth)) {
        correct++;
      }
    }
    return (double) correct / examples.size();
  }
}
