package xyz.run.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import xyz.plan.Cell;
import xyz.store.CellStatus;
import xyz.study.SlurmSpec;
import xyz.study.Study;

/**
 * The Slurm executor: sends cells to the cluster as job arrays and returns at once. Each array
 * task runs {@code xyz worker} on a compute node, which runs its cells with the local executor's
 * code and writes them into the shared results folder; status and resume read that folder and
 * one {@code squeue} and one {@code sacct} call.
 */
public final class SlurmExecutor {
  private final SlurmCommands slurm;

  /** An executor calling the Slurm commands on the PATH. */
  public SlurmExecutor(SlurmCommands slurm) {
    this.slurm = slurm;
  }

  /**
   * The submission that {@link #submit} would make now, without making it; away from a cluster
   * the arrays are split at Slurm's default {@code MaxArraySize}.
   */
  public BatchPlan preview(Study study, SlurmSpec spec, List<Cell> cells,
      Collection<CellStatus> ended) {
    Path next = Submission.root(study.resultsDir()).resolve(String.format(
        java.util.Locale.ROOT, "%03d", Submission.readAll(study.resultsDir()).size() + 1));
    int maxArray = SlurmCommands.available() ? slurm.maxArraySize()
        : SlurmCommands.DEFAULT_MAX_ARRAY_SIZE;
    return BatchPlan.of(study, spec, cells, ended, maxArray, next);
  }

  /**
   * Submits the cells: one sbatch call per array, the job ids written into the results folder
   * after each call.
   *
   * @param study the study
   * @param spec the Slurm options
   * @param cells the cells to run, in plan order
   * @param ended the statuses of the cells ended so far, to size tasks for a target time
   * @return the submission, with its job ids
   */
  public Submission submit(Study study, SlurmSpec spec, List<Cell> cells,
      Collection<CellStatus> ended) throws IOException {
    int maxArray = slurm.maxArraySize();
    Path dir = Submission.newFolder(study.resultsDir());
    Files.createDirectories(dir.resolve("logs"));
    BatchPlan plan = BatchPlan.of(study, spec, cells, ended, maxArray, dir);
    Submission.writeTasks(dir, plan.tasks());
    List<Submission.Array> arrays = new ArrayList<>();
    for (BatchPlan.Script s : plan.arrays()) {
      Files.writeString(dir.resolve(s.file()), s.text(), StandardCharsets.UTF_8);
      arrays.add(new Submission.Array(null, s.offset(), s.size(), s.file()));
    }
    Submission sub = new Submission(dir, Instant.now(), plan.cellsPerTask(), plan.tasks(),
        arrays);
    sub.write();
    for (int i = 0; i < arrays.size(); i++) {
      String id = slurm.submit(dir.resolve(arrays.get(i).script()));
      arrays.set(i, arrays.get(i).submitted(id));
      sub.write();
    }
    return sub;
  }

  /** Cancels every job of the study's submissions still known to Slurm, in one call. */
  public List<String> cancel(Path results) {
    List<String> ids = new ArrayList<>();
    for (Submission s : Submission.readAll(results)) {
      ids.addAll(s.jobIds());
    }
    List<String> queued = new ArrayList<>();
    for (SlurmCommands.Queued q : slurm.queue(ids)) {
      if (!queued.contains(q.task().jobId())) {
        queued.add(q.task().jobId());
      }
    }
    slurm.cancel(queued);
    return queued;
  }
}
