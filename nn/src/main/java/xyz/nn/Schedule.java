package xyz.nn;

/**
 * How one network is trained, after the protocol of Papyan, Han and Donoho (PNAS 2020): SGD with
 * momentum and (coupled) weight decay, for a number of epochs, with the learning rate divided by
 * 10 at one third and again at two thirds of training.
 *
 * @param epochs the number of passes over the training examples, at least 1
 * @param lr the learning rate of the first third
 * @param momentum the SGD momentum, in [0, 1)
 * @param weightDecay the L2 penalty added to each gradient, at least 0
 * @param batch the number of examples per step, at least 1
 */
public record Schedule(int epochs, double lr, double momentum, double weightDecay, int batch) {

  /** The factor the learning rate is multiplied by at each of the two drops. */
  public static final double DROP = 0.1;

  /** Checks the ranges. */
  public Schedule {
    if (epochs < 1 || !(lr > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)
        || batch < 1) {
      throw new IllegalArgumentException("epochs " + epochs + ", lr " + lr + ", momentum "
          + momentum + ", weight decay " + weightDecay + ", batch " + batch);
    }
  }

  /**
   * The learning rate during epoch {@code epoch}, counted from 1: {@code lr} up to epoch
   * {@code epochs / 3}, then a tenth of it up to {@code 2 * epochs / 3}, then a hundredth (the
   * official notebook's milestones, with integer division). The first epoch always has the full
   * rate, however short the training.
   */
  public double lrAt(int epoch) {
    int done = epoch - 1;
    int drops = (done >= Math.max(1, epochs / 3) ? 1 : 0)
        + (done >= Math.max(1, 2 * epochs / 3) ? 1 : 0);
    return lr * Math.pow(DROP, drops);
  }
}
