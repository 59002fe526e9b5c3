package xyz.run.slurm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import xyz.plan.Cell;
import xyz.plan.Plan;
import xyz.store.CellStatus;
import xyz.store.ResultsFolder;

/**
 * Where every cell of a study sent to Slurm stands, from one {@code squeue} and one
 * {@code sacct} call for the whole study and the status files of the results folder.
 *
 * <p>A cell's status file counts only when it was written after the cell's last submission
 * (an older one is from the attempt that was resubmitted). A cell without such a status whose
 * task is queued is pending or running; one whose task has left the queue is lost: its task died
 * (cancelled, node failure, out of memory, time limit, preempted) before the cell could end.
 */
public final class SlurmState {
  /** Where a cell stands. */
  public enum Kind {
    DONE, FAILED, TIMEOUT, INTERRUPTED, PENDING, RUNNING, LOST, NOT_SUBMITTED;

    /** The name shown to the user. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One cell.
   *
   * @param cell the cell
   * @param kind where it stands
   * @param status its status file when that counts (done, failed, timeout, interrupted)
   * @param task its task in its last submission, or null
   * @param slurmState the Slurm state of that task (lower case, such as {@code cancelled}), or
   *     null when Slurm has no record of it
   */
  public record CellView(Cell cell, Kind kind, CellStatus status, TaskId task,
      String slurmState) {}

  /** How far a compute node's clock may be behind the login node's. */
  static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(1);

  private final List<CellView> cells;
  private final Map<String, Integer> tasksByState;
  private final List<String> jobIds;

  private SlurmState(List<CellView> cells, Map<String, Integer> tasksByState,
      List<String> jobIds) {
    this.cells = cells;
    this.tasksByState = tasksByState;
    this.jobIds = jobIds;
  }

  /** Reads the state of every cell of the plan: one squeue and one sacct call. */
  public static SlurmState read(ResultsFolder folder, Plan plan, SlurmCommands slurm) {
    List<Submission> subs = Submission.readAll(folder.root());
    Map<String, Submission> lastSub = new HashMap<>();
    Map<String, TaskId> lastTask = new HashMap<>();
    Set<String> jobs = new LinkedHashSet<>();
    for (Submission sub : subs) {
      for (Submission.Array a : sub.arrays()) {
        for (int t = 0; t < a.size(); t++) {
          TaskId id = new TaskId(a.jobId() == null ? "" : a.jobId(), t);
          for (String cell : sub.tasks().get(a.offset() + t)) {
            lastSub.put(cell, sub);
            lastTask.put(cell, id);
          }
        }
      }
    }
    for (TaskId t : lastTask.values()) {
      if (!t.jobId().isEmpty()) {
        jobs.add(t.jobId());
      }
    }
    // The queue first: a task that leaves it after this call has written its statuses by the
    // time they are read below, so it is never taken for lost.
    Map<TaskId, String> queued = new HashMap<>();
    for (SlurmCommands.Queued q : slurm.queue(jobs)) {
      queued.put(q.task(), q.state());
    }
    Map<TaskId, String> accounted = new HashMap<>();
    for (SlurmCommands.Accounted a : slurm.accounting(jobs)) {
      for (int t : a.tasks()) {
        accounted.put(new TaskId(a.jobId(), t), normalise(a.state()));
      }
    }
    Map<String, CellStatus> statuses = folder.statuses();
    List<CellView> views = new ArrayList<>(plan.cells().size());
    Set<TaskId> tasks = new LinkedHashSet<>();
    for (Cell cell : plan.cells()) {
      CellStatus st = statuses.get(cell.id());
      Submission sub = lastSub.get(cell.id());
      TaskId task = lastTask.get(cell.id());
      if (task != null) {
        tasks.add(task);
      }
      String slurmState = task == null ? null
          : queued.containsKey(task) ? normalise(queued.get(task)) : accounted.get(task);
      boolean queuedNow = task != null && queued.containsKey(task);
      // A status written on a compute node whose clock is a little behind this one's still
      // counts once the task has left the queue.
      boolean fresh = st != null && (sub == null || !st.ended().isBefore(
          queuedNow ? sub.submitted() : sub.submitted().minus(CLOCK_SKEW)));
      Kind kind;
      if (fresh) {
        kind = Kind.valueOf(st.state().name());
      } else if (sub == null) {
        kind = Kind.NOT_SUBMITTED;
      } else if (queuedNow) {
        kind = running(queued.get(task)) ? Kind.RUNNING : Kind.PENDING;
      } else {
        kind = Kind.LOST;
      }
      views.add(new CellView(cell, kind, fresh ? st : null, task,
          task != null && task.jobId().isEmpty() ? "never submitted" : slurmState));
    }
    Map<String, Integer> byState = new TreeMap<>();
    for (TaskId t : tasks) {
      String s = queued.containsKey(t) ? normalise(queued.get(t))
          : accounted.getOrDefault(t, t.jobId().isEmpty() ? "never submitted" : "unknown");
      byState.merge(s, 1, Integer::sum);
    }
    return new SlurmState(views, byState, new ArrayList<>(jobs));
  }

  private static boolean running(String squeueState) {
    return switch (squeueState) {
      case "RUNNING", "COMPLETING", "CONFIGURING", "STOPPED", "SIGNALING", "STAGE_OUT" -> true;
      default -> false;
    };
  }

  /** {@code CANCELLED by 0} is {@code cancelled}; {@code NODE_FAIL} is {@code node_fail}. */
  static String normalise(String state) {
    String s = state.strip();
    int space = s.indexOf(' ');
    return (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
  }

  /** Every cell of the plan, in plan order. */
  public List<CellView> cells() {
    return cells;
  }

  /** The cell count per kind, every kind present. */
  public Map<Kind, Integer> counts() {
    Map<Kind, Integer> out = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      out.put(k, 0);
    }
    for (CellView v : cells) {
      out.merge(v.kind(), 1, Integer::sum);
    }
    return out;
  }

  /** The lost cells per Slurm state of their task, such as {@code cancelled: 3}. */
  public Map<String, Integer> lostBy() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (CellView v : cells) {
      if (v.kind() == Kind.LOST) {
        out.merge(v.slurmState() == null ? "no record" : v.slurmState(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The array tasks of the cells' last submissions per Slurm state. */
  public Map<String, Integer> tasksByState() {
    return tasksByState;
  }

  /** The job ids of the cells' last submissions. */
  public List<String> jobIds() {
    return jobIds;
  }

  /** Whether any cell still waits in or runs from the queue. */
  public boolean active() {
    for (CellView v : cells) {
      if (v.kind() == Kind.PENDING || v.kind() == Kind.RUNNING) {
        return true;
      }
    }
    return false;
  }
}
