package xyz.nn;

import java.util.ArrayList;
import java.util.List;
import xyz.UserError;
import xyz.ml.Controls;
import xyz.run.CellContext;
import xyz.study.Suggestions;

/**
 * The parameters of one cell of the neural-collapse experiment. {@code method} (the network) and
 * {@code dataset} are required; every control has a default, most from the authors' protocol
 * (momentum 0.9, weight decay 5e-4, batch 128).
 *
 * @param net {@code method}: the network
 * @param dataset {@code dataset}: the image dataset
 * @param perClass {@code per_class}: training images per class (default 100)
 * @param testPerClass {@code test_per_class}: test images per class (default: {@code per_class})
 * @param width {@code width}: the number of penultimate features (default 256)
 * @param schedule {@code epochs} (default 100), {@code lr} (0.05), {@code momentum},
 *     {@code weight_decay} and {@code batch}
 * @param snapshots {@code snapshots}: how many log-spaced epochs are measured (default 30)
 * @param seed {@code seed} (default 0): picks the images, the initial weights and the order
 */
public record NeuralCollapseSettings(Net net, String dataset, int perClass, int testPerClass,
    int width, Schedule schedule, int snapshots, long seed) {

  /** The controls the experiment reads besides {@code method} and {@code dataset}. */
  public static final List<String> CONTROLS = List.of("per_class", "test_per_class", "width",
      "epochs", "lr", "momentum", "weight_decay", "batch", "snapshots", "seed");

  /** Reads the cell's parameters, taking the default for each one the cell lacks. */
  public static NeuralCollapseSettings of(CellContext cell) {
    unknown(cell);
    Net net = Net.of(cell.string("method"));
    String dataset = cell.string("dataset");
    Controls controls = new Controls(cell, "the neural-collapse experiment");
    int perClass = (int) controls.integer("per_class", 100, 1, 100_000);
    int testPerClass = (int) controls.integer("test_per_class", perClass, 1, 100_000);
    int width = (int) controls.integer("width", 256, 2, 65_536);
    int epochs = (int) controls.integer("epochs", 100, 1, 1_000_000);
    double lr = controls.number("lr", 0.05, false);
    double momentum = controls.number("momentum", 0.9, true, 1);
    double weightDecay = controls.number("weight_decay", 5e-4, true);
    int batch = (int) controls.integer("batch", 128, 1, 1_000_000);
    int snapshots = (int) controls.integer("snapshots", 30, 1, 100_000);
    long seed = cell.params().containsKey("seed") ? cell.integer("seed") : 0;
    return new NeuralCollapseSettings(net, dataset, perClass, testPerClass, width,
        new Schedule(epochs, lr, momentum, weightDecay, batch), snapshots, seed);
  }

  private static void unknown(CellContext cell) {
    List<String> known = new ArrayList<>(List.of("method", "dataset"));
    known.addAll(CONTROLS);
    for (String name : cell.params().keySet()) {
      if (!known.contains(name)) {
        // A misspelt control would otherwise run with its default and say nothing.
        List<String> near = Suggestions.nearest(name, CONTROLS);
        throw new UserError("controls." + name + ": the neural-collapse experiment has no"
            + " control '" + name + "'" + Suggestions.hint(name, CONTROLS) + "\n  fix: "
            + (near.isEmpty()
                ? "remove it from the study's `controls`"
                : "rename it to '" + near.get(0) + "'"));
      }
    }
  }
}
