package xyz.ml.method;

import java.util.Arrays;
import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.libsvm.SVMClassificationType.SVMMode;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import xyz.UserError;
import xyz.study.Suggestions;

/**
 * The classifiers of the label-noise study, each a Tribuo trainer set up to be deterministic for
 * a seed, to use one thread (cells run side by side), and, for the flexible ones, to be able to
 * memorise any labelling of the training set.
 */
public enum Method {

  /** Multinomial logistic regression: a linear model that cannot fit random labels. */
  LOGREG("logreg") {
    @Override
    public Trainer<Label> trainer(int features, long seed) {
      // Log every Integer.MAX_VALUE steps: never, so the run output stays clean.
      return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), LOGREG_EPOCHS,
          Integer.MAX_VALUE, 1, seed);
    }
  },

  /** One CART tree grown until every leaf is pure. */
  TREE("tree") {
    @Override
    public Trainer<Label> trainer(int features, long seed) {
      return cart(1.0f, seed);
    }
  },

  /** Bagged CART trees, each split choosing among a random subset of the features. */
  FOREST("forest") {
    @Override
    public Trainer<Label> trainer(int features, long seed) {
      // The usual sqrt(d) of d features per split, kept below 1 as Tribuo's forest requires.
      float fraction = (float) Math.min(0.5, Math.ceil(Math.sqrt(features)) / features);
      return new RandomForestTrainer<>(cart(fraction, seed), new VotingCombiner(), FOREST_TREES,
          seed);
    }
  },

  /** The nearest training sample's label. */
  KNN1("knn1") {
    @Override
    public Trainer<Label> trainer(int features, long seed) {
      return new KNNTrainer<>(1, new L2Distance(), 1, new VotingCombiner(),
          KNNModel.Backend.STREAMS, NeighboursQueryFactoryType.BRUTE_FORCE);
    }
  },

  /** A kernel machine with a narrow enough RBF kernel and a large enough C to memorise. */
  SVM("svm") {
    @Override
    public Trainer<Label> trainer(int features, long seed) {
      SVMParameters<Label> params =
          new SVMParameters<>(new SVMClassificationType(SVMMode.C_SVC), KernelType.RBF);
      params.setGamma(SVM_GAMMA_TIMES_FEATURES / features);
      params.setCost(SVM_COST);
      return new LibSVMClassificationTrainer(params, seed);
    }
  },

  /** Gradient-boosted trees. */
  GBT("gbt") {
    @Override
    public Trainer<Label> trainer(int features, long seed) {
      // The histogram method is twice as fast as the exact one on digits. A tiny minimum child
      // weight lets the trees keep splitting on random labels, where the softmax hessians are
      // small.
      return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, GBT_ROUNDS,
          GBT_ETA, 0, GBT_DEPTH, 1e-6, 1.0, 1.0, 1.0, 0, 1, LoggingVerbosity.SILENT, seed);
    }
  };

  // Sizes chosen for speed: the 540 cells of the study take about two minutes of CPU in all,
  // and each method still fits (or, for the linear model, fails to fit) as the paper describes.
  private static final int LOGREG_EPOCHS = 20;
  // Fewer trees than this let bagging's vote miss some memorised labels: with 31 trees the mean
  // train accuracy on iris at p = 0.6 fell to 0.987.
  private static final int FOREST_TREES = 64;
  // gamma = 4 / features on standardised data: narrow enough to fit random labels, wide enough
  // to generalise on clean ones (1 / features could not fit iris at p = 1).
  private static final double SVM_GAMMA_TIMES_FEATURES = 4;
  private static final double SVM_COST = 1e4;
  private static final int GBT_ROUNDS = 20;
  private static final double GBT_ETA = 0.5;
  private static final int GBT_DEPTH = 6;

  private final String id;

  Method(String id) {
    this.id = id;
  }

  /** The name study files use, such as {@code knn1}. */
  public String id() {
    return id;
  }

  /**
   * A new trainer, used for one fit only: Tribuo trainers advance their random state as they
   * train, so a fresh one per fit keeps every cell reproducible on its own.
   *
   * @param features the number of features of the data
   * @param seed the seed of the trainer's random choices
   */
  public abstract Trainer<Label> trainer(int features, long seed);

  /** Every method's id, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Method::id).toList();
  }

  /**
   * The method with this id.
   *
   * @throws UserError when none has it; the message lists the valid ids and the nearest ones
   */
  public static Method of(String id) {
    for (Method method : values()) {
      if (method.id.equals(id)) {
        return method;
      }
    }
    List<String> near = Suggestions.nearest(id, ids());
    throw new UserError("methods: unknown method '" + id + "'" + Suggestions.hint(id, ids())
        + "\n  fix: " + (near.isEmpty() ? "list only valid methods"
            : "replace '" + id + "' with '" + near.get(0) + "'") + " in the study's `methods`");
  }

  private static CARTClassificationTrainer cart(float featureFraction, long seed) {
    // Tribuo's default minimum child weight of 5 stops growth before the leaves are pure; the
    // smallest positive weight it accepts lets the tree fit every training label.
    return new CARTClassificationTrainer(Integer.MAX_VALUE, 1e-6f, 0.0f, featureFraction, false,
        new GiniIndex(), seed);
  }
}
