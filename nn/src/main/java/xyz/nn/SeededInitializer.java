package xyz.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * He's normal initialisation (standard deviation sqrt(2 / fan-in), suited to ReLU layers) drawn
 * from a Java generator of the cell's own. Engine seeding would not do: PyTorch's generator is
 * one per process, and two cells training at once in one JVM would interleave their draws.
 */
final class SeededInitializer implements Initializer {
  private final SplittableRandom random;

  SeededInitializer(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    long fanIn = shape.size() / shape.get(0);
    double sd = Math.sqrt(2.0 / fanIn);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (sd * random.nextGaussian());
    }
    return manager.create(values, shape).toType(dataType, false);
  }
}
