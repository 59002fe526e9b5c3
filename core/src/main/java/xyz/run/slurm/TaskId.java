package xyz.run.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * One array task, as Slurm names it: {@code 123_4} is task 4 of job 123.
 *
 * @param jobId the array's job id
 * @param task the task's index in the array
 */
public record TaskId(String jobId, int task) {

  @Override
  public String toString() {
    return jobId + "_" + task;
  }

  /**
   * The tasks a Slurm job id names: {@code 123_4}, or a collapsed record such as
   * {@code 123_[2-5,7%2]}; a job id without a task part names none.
   */
  static List<TaskId> parse(String text) {
    List<TaskId> out = new ArrayList<>();
    String job = jobOf(text);
    for (int i : indices(text)) {
      out.add(new TaskId(job, i));
    }
    return out;
  }

  /** The job part of {@code 123_4} or {@code 123_[2-5]}. */
  static String jobOf(String text) {
    int u = text.indexOf('_');
    return u < 0 ? text.strip() : text.substring(0, u).strip();
  }

  /** The task indices of {@code 123_4} or {@code 123_[2-5,7%2]}; none without a task part. */
  static List<Integer> indices(String text) {
    List<Integer> out = new ArrayList<>();
    int u = text.indexOf('_');
    if (u < 0) {
      return out;
    }
    String part = text.substring(u + 1).strip();
    if (part.startsWith("[")) {
      part = part.substring(1, part.endsWith("]") ? part.length() - 1 : part.length());
    }
    int percent = part.indexOf('%');
    if (percent >= 0) {
      part = part.substring(0, percent);
    }
    for (String range : part.split(",")) {
      if (range.isBlank()) {
        continue;
      }
      int dash = range.indexOf('-');
      try {
        if (dash < 0) {
          out.add(Integer.parseInt(range.strip()));
        } else {
          int from = Integer.parseInt(range.substring(0, dash).strip());
          int to = Integer.parseInt(range.substring(dash + 1).strip());
          for (int i = from; i <= to; i++) {
            out.add(i);
          }
        }
      } catch (NumberFormatException e) {
        // Not a task list (a heterogeneous job's "+" part, say): it names no array task.
      }
    }
    return out;
  }
}
