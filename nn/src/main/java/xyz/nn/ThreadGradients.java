package xyz.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * Records the gradients of one forward pass on the calling thread only, so that two cells can
 * train at once in one JVM.
 *
 * <p>DJL's own collector for PyTorch refuses a second collector anywhere in the process ("Only
 * one can be collecting at a time"), a global flag over what libtorch keeps per thread: its
 * gradient mode is thread-local, and separate graphs backpropagate independently. This collector
 * does what DJL's does (gradient mode on, then backward from the target with a gradient of ones)
 * without the flag.
 */
final class ThreadGradients implements GradientCollector {
  private final boolean wasRecording;

  /** Turns gradient recording on for this thread until {@link #close()}. */
  ThreadGradients() {
    wasRecording = JniUtils.isGradMode();
    JniUtils.setGradMode(true);
  }

  @Override
  public void backward(NDArray target) {
    try (NDArray ones = target.getManager().ones(target.getShape(), target.getDataType())) {
      JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
    }
  }

  /**
   * Not offered: the optimiser's update clears each parameter's gradient already, which is all
   * the training here needs.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public void zeroGradients() {
    throw new UnsupportedOperationException("the trainer's step clears the gradients");
  }

  @Override
  public void close() {
    JniUtils.setGradMode(wasRecording);
  }

  /** Runs {@code work} with gradient recording off on this thread, as a measurement needs. */
  static <T> T withoutRecording(java.util.function.Supplier<T> work) {
    boolean was = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      return work.get();
    } finally {
      JniUtils.setGradMode(was);
    }
  }
}
