package xyz.run;

import java.nio.file.Path;
import java.util.List;
import xyz.plan.Cell;
import xyz.plan.Planner;
import xyz.store.Provenance;
import xyz.store.ResultsFolder;
import xyz.study.Study;
import xyz.study.StudyReader;

/**
 * A worker of an array job, for the tests: runs the cells of a study whose plan index is {@code
 * slice} modulo {@code slices}, into the study's results folder, as many such processes do at
 * once on a shared file system. Exits 0 when every cell of its slice ran, whatever their state.
 */
final class SliceMain {
  private SliceMain() {}

  public static void main(String[] args) throws Exception {
    Study study = StudyReader.read(Path.of(args[0]));
    int slice = Integer.parseInt(args[1]);
    int slices = Integer.parseInt(args[2]);
    List<Cell> all = Planner.plan(study).cells();
    List<Cell> mine = all.stream().filter(c -> c.index() % slices == slice).toList();
    Provenance provenance = new Provenance(null, null, "worker-" + slice, "test", "jvm", "os",
        1, "dev", study.experiment().identity(), null);
    RunSummary summary = new LocalExecutor(new ResultsFolder(study.resultsDir()), 1, provenance,
        new RunListener() {}).run(study.experiment(), Runners.of(study), mine, all.size(),
            new StopSignal());
    System.exit(summary.ran() == mine.size() ? 0 : 1);
  }
}
