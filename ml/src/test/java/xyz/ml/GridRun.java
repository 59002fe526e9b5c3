package xyz.ml;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the label-noise experiment over a grid in this JVM, a few cells at a time as the local
 * executor would, and keeps each cell's outcome and cost.
 */
final class GridRun {

  /** One cell's outcome, with what it cost. */
  record Result(LabelNoiseFindings.Row row, double fitSeconds, double cpuSeconds) {
    String csv() {
      return String.format(Locale.ROOT, "%s,%s,%s,%d,%.4f,%.4f,%.4f,%.4f", row.method(),
          row.dataset(), row.p(), row.seed(), row.trainAcc(), row.testAcc(), fitSeconds,
          cpuSeconds);
    }
  }

  static final String CSV_HEADER = "method,dataset,p,seed,train_acc,test_acc,fit_seconds,cpu";

  private GridRun() {}

  /** Runs every combination, in method, dataset, p, seed order, with {@code workers} threads. */
  static List<Result> run(List<String> methods, List<String> datasets, List<Double> ps,
      int seeds, int workers) throws Exception {
    LabelNoiseExperiment experiment = new LabelNoiseExperiment();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (String method : methods) {
        for (String dataset : datasets) {
          for (double p : ps) {
            for (long seed = 0; seed < seeds; seed++) {
              TestCell cell = TestCell.of(method, dataset, p, seed);
              futures.add(pool.submit(() -> runOne(experiment, cell)));
            }
          }
        }
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Result runOne(LabelNoiseExperiment experiment, TestCell cell) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    experiment.run(cell);
    double cpu = (threads.getCurrentThreadCpuTime() - start) / 1e9;
    var params = cell.params();
    var observed = cell.observed();
    LabelNoiseFindings.Row row = new LabelNoiseFindings.Row((String) params.get("method"),
        (String) params.get("dataset"), (Double) params.get("p"), (Long) params.get("seed"),
        observed.get("train_acc"), observed.get("test_acc"));
    return new Result(row, observed.get("fit_seconds"), cpu);
  }
}
