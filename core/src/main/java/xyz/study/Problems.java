package xyz.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one study file while it is read, to report them all at once. */
final class Problems {
  private final String file;
  private final List<Problem> found = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  /** The study file's name, as the user gave it. */
  String file() {
    return file;
  }

  /** Starts a problem placed at the start of a node. */
  Draft at(Node node, String path) {
    Mark mark = node == null ? null : node.getStartMark().orElse(null);
    return mark == null ? at(0, 0, path) : at(mark.getLine() + 1, mark.getColumn() + 1, path);
  }

  /** Starts a problem at a 1-based line and column (0, 0: no place). */
  Draft at(int line, int column, String path) {
    return new Draft(line, column, path);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  int count() {
    return found.size();
  }

  /** Throws every problem so far, sorted by place in the file, if there is any. */
  void throwIfAny() {
    if (found.isEmpty()) {
      return;
    }
    List<Problem> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    throw new StudyException(file, sorted);
  }

  /** A problem being described; {@link #add()} files it. */
  final class Draft {
    private final int line;
    private final int column;
    private final String path;
    private String message = "";
    private String foundValue;
    private List<String> valid = List.of();
    private List<String> suggestions = List.of();
    private String fix;
    private String excerpt;

    private Draft(int line, int column, String path) {
      this.line = line;
      this.column = column;
      this.path = path;
    }

    Draft message(String text) {
      this.message = text;
      return this;
    }

    Draft found(String value) {
      this.foundValue = value;
      return this;
    }

    Draft valid(List<String> values) {
      this.valid = values;
      return this;
    }

    /** Sets the valid values and suggests the ones nearest to what was written. */
    Draft nearest(String wrong, List<String> values) {
      this.valid = values;
      this.suggestions = Suggestions.nearest(wrong, values);
      return this;
    }

    Draft suggest(List<String> names) {
      this.suggestions = names;
      return this;
    }

    Draft fix(String text) {
      this.fix = text;
      return this;
    }

    Draft excerpt(String text) {
      this.excerpt = text;
      return this;
    }

    void add() {
      found.add(new Problem(file, line, column, path, message, foundValue, valid, suggestions, fix,
          excerpt));
    }
  }
}
