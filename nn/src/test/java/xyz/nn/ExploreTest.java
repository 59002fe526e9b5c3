package xyz.nn;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExploreTest {
  @Test
  void explore() {
    String nets = System.getProperty("nets", "mlp3,mlp6");
    String lrs = System.getProperty("lrs", "0.01,0.03,0.1");
    String data = System.getProperty("data", "mnist");
    for (String ds : data.split(",")) {
      for (String net : nets.split(",")) {
        for (String lr : lrs.split(",")) {
         for (String wd : System.getProperty("wd", "5e-4").split(",")) {
          Map<String, Object> p = new HashMap<>(Map.of("method", net, "dataset", ds, "lr",
              Double.parseDouble(lr), "seed", 0L));
          p.put("epochs", Long.getLong("epochs", 200));
          p.put("batch", Long.getLong("batch", 128));
          p.put("per_class", Long.getLong("per_class", 100));
          p.put("weight_decay", Double.parseDouble(wd));
          TestCell cell = new TestCell(p);
          long t = System.nanoTime();
          new NeuralCollapseExperiment().run(cell);
          System.out.printf("== %s %s lr %s wd %s %.1f s  tpt %s%n", net, ds, lr, wd,
              (System.nanoTime() - t) / 1e9, cell.last().get("tpt_epoch"));
          var err = cell.series("train_error");
          var sd = cell.series("train_self_duality");
          var ncc = cell.series("train_ncc_mismatch");
          var nc1 = cell.series("train_nc1");
          var cvw = cell.series("train_cv_classifier");
          var cos = cell.series("train_cos_std_means");
          var te = cell.series("test_error");
          StringBuilder b = new StringBuilder();
          for (long e : err.keySet()) {
            if (e == 1 || e % 3 == 0 || e == err.lastKey()
                || e == cell.last().get("tpt_epoch").longValue()) {
              b.append(String.format("  e%d err %.3f sd %.3f ncc %.3f nc1 %.3f cvw %.3f cos %.3f te %.3f%n",
                  e, err.get(e), sd.get(e), ncc.get(e), nc1.get(e), cvw.get(e), cos.get(e), te.get(e)));
            }
          }
          System.out.print(b);
          System.out.println("  ncc " + ncc.values() + "\n  sd " + sd.values());
         }
        }
      }
    }
  }
}
