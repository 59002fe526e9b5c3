package xyz.nn;

import org.junit.jupiter.api.Test;
import xyz.nn.data.ImageDatasets;
import xyz.nn.data.Subsets;

class SpikeTest {
  @Test
  void spike() {
    for (String netId : new String[] {"mlp3", "mlp6", "cnn"}) {
      long t0 = System.nanoTime();
      Subsets s = Subsets.of(ImageDatasets.load("mnist"), 100, 100, 1);
      long t1 = System.nanoTime();
      Schedule sch = new Schedule(30, 0.05, 0.9, 5e-4, 128);
      try (NetTraining t = new NetTraining(Net.of(netId), 256, s, sch, 1, 2)) {
        long t2 = System.nanoTime();
        for (int e = 1; e <= 30; e++) {
          t.epoch();
          if (e % 5 == 0 || e < 4) {
            long a = System.nanoTime();
            NetTraining.View tr = t.train();
            NetTraining.View te = t.test();
            long b = System.nanoTime();
            System.out.printf("%s e%d lr %.4f train %.4f/%.4f test %.4f/%.4f probe %.3fs%n",
                netId, e, t.lr(), tr.loss(), tr.error(), te.loss(), te.error(), (b - a) / 1e9);
          }
        }
        long t3 = System.nanoTime();
        System.out.printf("%s load %.2fs init %.2fs train %.2fs%n", netId, (t1 - t0) / 1e9,
            (t2 - t1) / 1e9, (t3 - t2) / 1e9);
      }
    }
  }
}
