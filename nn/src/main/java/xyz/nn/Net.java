package xyz.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.List;
import xyz.UserError;
import xyz.study.Suggestions;

/**
 * The networks the neural-collapse experiment trains, by the names study files use. Each is a
 * feature extractor, whose output is the penultimate layer whose geometry the metrics measure,
 * followed by one linear classifier with a bias.
 */
public enum Net {
  /** Three hidden layers of ReLU units. */
  MLP3("mlp3", 3),
  /** Six hidden layers of ReLU units. */
  MLP6("mlp6", 6),
  /** Nine hidden layers of ReLU units. */
  MLP9("mlp9", 9),
  /**
   * Two convolutions (16 and 32 channels of 3x3, each followed by a ReLU and a 2x2 max pool),
   * then one hidden layer of ReLU units.
   */
  CNN("cnn", 0);

  private final String id;
  private final int hiddenLayers;

  Net(String id, int hiddenLayers) {
    this.id = id;
    this.hiddenLayers = hiddenLayers;
  }

  /** The name study files use. */
  public String id() {
    return id;
  }

  /** The valid names, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Net::id).toList();
  }

  /**
   * The network called {@code id}.
   *
   * @throws UserError when no network has that name; the message names the nearest one
   */
  public static Net of(String id) {
    for (Net net : values()) {
      if (net.id.equals(id)) {
        return net;
      }
    }
    List<String> near = Suggestions.nearest(id, ids());
    throw new UserError("methods: unknown network '" + id + "'" + Suggestions.hint(id, ids())
        + "\n  fix: " + (near.isEmpty() ? "list only " + String.join(", ", ids())
            : "replace '" + id + "' with '" + near.get(0) + "'") + " in the study's `methods`");
  }

  /** Whether the network reads images as images (channels x rows x columns), not as vectors. */
  public boolean convolutional() {
    return this == CNN;
  }

  /**
   * The layers up to and including the penultimate one, whose output has {@code width} features.
   */
  public Block features(int width) {
    SequentialBlock block = new SequentialBlock();
    if (convolutional()) {
      for (int channels : new int[] {16, 32}) {
        block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
            .setFilters(channels).build());
        block.add(Activation.reluBlock());
        block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
      }
      block.add(Blocks.batchFlattenBlock());
      block.add(hidden(width));
      block.add(Activation.reluBlock());
      return block;
    }
    for (int layer = 0; layer < hiddenLayers; layer++) {
      block.add(hidden(width));
      block.add(Activation.reluBlock());
    }
    return block;
  }

  /** The shape of a batch of {@code rows} images of {@code height x width} pixels. */
  public Shape input(long rows, int height, int width) {
    return convolutional() ? new Shape(rows, 1, height, width) : new Shape(rows, height * width);
  }

  private static Block hidden(int width) {
    return Linear.builder().setUnits(width).build();
  }
}
