package xyz.ml.collapse;

import java.util.Random;

/**
 * Class means at a simplex equiangular tight frame of norm r, embedded in d dimensions by a random
 * orthonormal basis, and samples around them: the geometry neural collapse converges to.
 */
final class SimplexFixture {

  final int classes;
  final int dim;
  /** The class means, C x d; they sum to zero. */
  final double[][] means;

  SimplexFixture(int classes, int dim, double norm, Random random) {
    this.classes = classes;
    this.dim = dim;
    double[][] basis = orthonormal(classes, dim, random);
    // Column c of sqrt(C/(C-1)) (I - 11^T/C) has unit norm and cosine -1/(C-1) with the others.
    double scale = norm * Math.sqrt(classes / (classes - 1.0));
    means = new double[classes][dim];
    for (int c = 0; c < classes; c++) {
      for (int k = 0; k < classes; k++) {
        double entry = scale * ((c == k ? 1 : 0) - 1.0 / classes);
        for (int j = 0; j < dim; j++) {
          means[c][j] += entry * basis[k][j];
        }
      }
    }
  }

  /** {@code perClass} samples of each class: its mean plus {@code offset} plus N(0, sd²) noise. */
  double[][] samples(int perClass, double sd, double[] offset, Random random) {
    double[][] rows = new double[classes * perClass][dim];
    for (int i = 0; i < rows.length; i++) {
      int c = label(i, perClass);
      for (int j = 0; j < dim; j++) {
        rows[i][j] = means[c][j] + offset[j] + sd * random.nextGaussian();
      }
    }
    return rows;
  }

  int[] labels(int perClass) {
    int[] labels = new int[classes * perClass];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = label(i, perClass);
    }
    return labels;
  }

  private static int label(int row, int perClass) {
    return row / perClass;
  }

  /** {@code count} orthonormal vectors of length {@code dim} (Gram-Schmidt on Gaussians). */
  private static double[][] orthonormal(int count, int dim, Random random) {
    double[][] basis = new double[count][dim];
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < dim; j++) {
        basis[k][j] = random.nextGaussian();
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int q = 0; q < k; q++) {
          double dot = 0;
          for (int j = 0; j < dim; j++) {
            dot += basis[k][j] * basis[q][j];
          }
          for (int j = 0; j < dim; j++) {
            basis[k][j] -= dot * basis[q][j];
          }
        }
      }
      double norm = 0;
      for (double v : basis[k]) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < dim; j++) {
        basis[k][j] /= norm;
      }
    }
    return basis;
  }
}
