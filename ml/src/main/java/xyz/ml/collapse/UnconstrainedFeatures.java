package xyz.ml.collapse;

import java.util.Random;

/**
 * The unconstrained-features model (Mixon et al. 2020; Han, Papyan and Donoho 2022): the
 * last-layer features H of every training sample are free parameters, optimised jointly with a
 * linear classifier (W, b) by full-batch gradient descent on a loss with weight decay,
 *
 * <pre>  L = (1/N) Σ_i loss(W h_i + b, y_i) + (λ/2) ‖W‖²_F + (λ/2N) ‖H‖²_F,</pre>
 *
 * as if the network before the last layer could produce any features at all. Neural collapse is
 * the geometry this optimisation converges to, which is why the authors use it as a sandbox.
 *
 * <p>The samples are {@code perClass} of each class, in class order. All arithmetic is plain IEEE
 * double and the exponential is {@link StrictMath#exp}, so a seed gives the same numbers on
 * every machine.
 */
public final class UnconstrainedFeatures {

  /** The loss on the logits. */
  public enum Loss {
    /** Softmax cross-entropy. */
    CE,
    /** Half the squared distance to the one-hot target. */
    MSE
  }

  private final Loss loss;
  private final int classes;
  private final int perClass;
  private final int dim;
  private final double weightDecay;
  private final double[][] h;
  private final double[][] w;
  private final double[] b;
  private final int[] labels;
  // Scratch for one step: the loss's gradient on the logits, and the parameters' gradients.
  private final double[][] logitGradient;
  private final double[][] gradH;
  private final double[][] gradW;
  private final double[] gradB;
  private double dataLoss;
  private int errors;

  /**
   * A model with every parameter drawn from N(0, initSd²).
   *
   * @param loss the loss on the logits
   * @param classes C, at least 2
   * @param perClass samples per class, at least 1
   * @param dim the feature dimension d, at least 1
   * @param weightDecay λ, at least 0
   * @param initSd the standard deviation of the initial parameters
   * @param seed fixes the initial parameters
   */
  public UnconstrainedFeatures(Loss loss, int classes, int perClass, int dim, double weightDecay,
      double initSd, long seed) {
    this.loss = loss;
    this.classes = classes;
    this.perClass = perClass;
    this.dim = dim;
    this.weightDecay = weightDecay;
    int n = classes * perClass;
    Random random = new Random(seed);
    h = gaussian(n, dim, initSd, random);
    w = gaussian(classes, dim, initSd, random);
    b = gaussian(1, classes, initSd, random)[0];
    labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i / perClass;
    }
    logitGradient = new double[n][classes];
    gradH = new double[n][dim];
    gradW = new double[classes][dim];
    gradB = new double[classes];
    evaluate();
  }

  /** One step of full-batch gradient descent with learning rate {@code lr}. */
  public void step(double lr) {
    int n = h.length;
    double decayH = weightDecay / n;
    for (double[] row : gradW) {
      java.util.Arrays.fill(row, 0);
    }
    java.util.Arrays.fill(gradB, 0);
    for (int i = 0; i < n; i++) {
      double[] g = logitGradient[i];
      double[] hi = h[i];
      double[] gh = gradH[i];
      for (int j = 0; j < dim; j++) {
        gh[j] = decayH * hi[j];
      }
      for (int c = 0; c < classes; c++) {
        double gc = g[c];
        double[] wc = w[c];
        double[] gw = gradW[c];
        for (int j = 0; j < dim; j++) {
          gh[j] += gc * wc[j];
          gw[j] += gc * hi[j];
        }
        gradB[c] += gc;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        h[i][j] -= lr * gradH[i][j];
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < dim; j++) {
        w[c][j] -= lr * (gradW[c][j] + weightDecay * w[c][j]);
      }
      b[c] -= lr * gradB[c];
    }
    evaluate();
  }

  /** The logits, the data loss, the errors and the loss's gradient on the logits, for now. */
  private void evaluate() {
    int n = h.length;
    double total = 0;
    int wrong = 0;
    double[] z = new double[classes];
    for (int i = 0; i < n; i++) {
      double[] hi = h[i];
      int best = 0;
      for (int c = 0; c < classes; c++) {
        double s = b[c];
        double[] wc = w[c];
        for (int j = 0; j < dim; j++) {
          s += wc[j] * hi[j];
        }
        z[c] = s;
        if (s > z[best]) {
          best = c;
        }
      }
      if (best != labels[i]) {
        wrong++;
      }
      total += loss == Loss.CE ? crossEntropy(z, labels[i], logitGradient[i], n)
          : squared(z, labels[i], logitGradient[i], n);
    }
    dataLoss = total / n;
    errors = wrong;
  }

  private static double crossEntropy(double[] z, int label, double[] gradient, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      gradient[c] = StrictMath.exp(z[c] - max);
      sum += gradient[c];
    }
    for (int c = 0; c < z.length; c++) {
      gradient[c] = (gradient[c] / sum - (c == label ? 1 : 0)) / n;
    }
    return StrictMath.log(sum) + max - z[label];
  }

  private static double squared(double[] z, int label, double[] gradient, int n) {
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      double e = z[c] - (c == label ? 1 : 0);
      gradient[c] = e / n;
      sum += e * e;
    }
    return sum / 2;
  }

  /** The objective L: the mean data loss plus both weight-decay terms. */
  public double objective() {
    double normW = 0;
    for (double[] row : w) {
      for (double v : row) {
        normW += v * v;
      }
    }
    double normH = 0;
    for (double[] row : h) {
      for (double v : row) {
        normH += v * v;
      }
    }
    return dataLoss + weightDecay / 2 * normW + weightDecay / (2.0 * h.length) * normH;
  }

  /** The mean data loss, without weight decay. */
  public double dataLoss() {
    return dataLoss;
  }

  /** The share of samples whose largest logit is not their class's. */
  public double trainError() {
    return (double) errors / h.length;
  }

  /** Whether every parameter is still finite (a learning rate too large diverges). */
  public boolean finite() {
    return Double.isFinite(dataLoss) && Double.isFinite(objective());
  }

  /** The neural-collapse measures of the current features and classifier. */
  public CollapseMeasures measure() {
    return CollapseMetrics.measure(h, labels, classes, w, b);
  }

  /** The number of classes C. */
  public int classes() {
    return classes;
  }

  /** The number of samples per class. */
  public int perClass() {
    return perClass;
  }

  private static double[][] gaussian(int rows, int cols, double sd, Random random) {
    double[][] out = new double[rows][cols];
    for (double[] row : out) {
      for (int j = 0; j < cols; j++) {
        row[j] = sd * random.nextGaussian();
      }
    }
    return out;
  }
}
