package xyz.study;

import java.util.List;
import xyz.UserError;

/**
 * A study file with mistakes: every problem found in it, reported at once so that the user can
 * fix them all before running again.
 */
public final class StudyException extends UserError {
  private static final long serialVersionUID = 1L;

  /** The problems, in the order of their place in the file. */
  private final transient List<Problem> problems;

  /**
   * Creates the error for a non-empty list of problems of one file.
   *
   * @param file the study file, as the user named it
   * @param problems what is wrong, in file order
   */
  public StudyException(String file, List<Problem> problems) {
    super(render(file, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a study exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order of their place in the file. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(String file, List<Problem> problems) {
    StringBuilder out = new StringBuilder();
    for (Problem problem : problems) {
      out.append(problem.render()).append('\n');
    }
    int n = problems.size();
    out.append(n).append(n == 1 ? " problem" : " problems").append(" in ").append(file)
        .append("; nothing was run.");
    return out.toString();
  }
}
