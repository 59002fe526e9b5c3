package xyz.study;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a study file (YAML) into a validated {@link Study}. Every mistake of the file is found
 * in one pass and reported at once, each with its line, column and key; see {@link Problem}.
 *
 * <p>Scalars follow the YAML 1.2 core schema: {@code 3} is a Long, {@code 0.5} a Double, {@code
 * true} a Boolean, and {@code NO}, {@code 1_000} or anything quoted is text.
 */
public final class StudyReader {
  /** The top-level keys of a study file, in the order the reference presents them. */
  static final List<String> KEYS = List.of("study", "description", "methods", "datasets",
      "controls", "zip", "draws", "exclude", "observables", "experiment", "executor", "results",
      "figures");

  /** The keys of a method written as a map. */
  static final List<String> METHOD_KEYS = List.of("name", "controls");

  /** The keys of {@code executor}. */
  static final List<String> EXECUTOR_KEYS = executorKeys();

  /** The executors a study can name. */
  static final List<String> EXECUTORS = List.of("local", "slurm");

  private static final Pattern STUDY_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private final Problems problems;
  private final Path file;

  private StudyReader(Path file) {
    this.file = file;
    this.problems = new Problems(file.toString());
  }

  /**
   * Reads and validates a study file.
   *
   * @param file the study file; problems name it as given, so a relative path stays relative
   * @return the study
   * @throws StudyException with every problem of the file, when it has any
   */
  public static Study read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file", "check the path; run from the study's folder, "
          + "or give the path to its study file");
    } catch (CharacterCodingException e) {
      throw notUtf8(file);
    } catch (IOException e) {
      throw unreadable(file, "cannot read the file: " + e.getMessage(), null);
    }
    return parse(text, file);
  }

  /**
   * Reads and validates the text of a study file.
   *
   * @param yaml the file's text
   * @param file the file it stands for: problems name it, and relative folders start from it
   * @return the study
   * @throws StudyException with every problem of the text, when it has any
   */
  public static Study parse(String yaml, Path file) {
    return new StudyReader(file).study(yaml);
  }

  /** A file that is not UTF-8, refused at its first bad byte. */
  private static StudyException notUtf8(Path file) {
    TextPlace place;
    try {
      place = TextPlace.firstMalformed(Files.readAllBytes(file));
    } catch (IOException e) {
      place = null;
    }
    if (place == null) {
      return unreadable(file, "the file is not UTF-8 text", "save it as UTF-8");
    }
    return new StudyException(file.toString(), List.of(new Problem(file.toString(), place.line(),
        place.column(), "", "the file is not UTF-8 text", null,
        List.of(), List.of(), "save the file as UTF-8, or delete what an editor shows here",
        Problem.truncate(place.text()) + "\n" + " ".repeat(Math.min(place.column() - 1,
            Problem.FOUND_LIMIT)) + "^")));
  }

  private static StudyException unreadable(Path file, String message, String fix) {
    return new StudyException(file.toString(), List.of(new Problem(file.toString(), 0, 0, "",
        message, null, List.of(), List.of(), fix, null)));
  }

  private Study study(String yaml) {
    Node root = compose(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
    problems.throwIfAny();
    if (root == null) {
      problems.at(1, 1, "").message("the study file is empty")
          .fix("start with `study: NAME`, then methods, datasets, observables and experiment")
          .add();
      problems.throwIfAny();
    }
    Fields top = Fields.of(root, "", problems, KEYS,
        "a map of keys such as study, methods, datasets", "start with `study: NAME`");
    if (top == null) {
      problems.throwIfAny();
    }
    // An unknown top-level key is one problem among others: the rest of the file is read too.

    String name = studyName(top);
    if (top.has("description")) {
      Nodes.text(top.get("description"), "description", problems, "text", null);
    }
    List<Declared.Method> methods = methods(top);
    List<Declared.Name> datasets = names(top, "datasets", "dataset", "[iris, wine]");
    List<Control> controls = top.has("controls")
        ? new ControlReader(problems).readAll(top.get("controls"), "controls") : List.of();
    List<String> observables = observables(top);
    GridBuilder grid = new GridBuilder(problems, methods, datasets, controls, observables);
    StudyGrid studyGrid = grid.build(top.get("draws"), top.get("zip"), top.get("exclude"));

    Node experimentNode = top.require("experiment",
        "write `experiment: {command: [python3, train.py, --lr, \"{lr}\"]}`, or builtin: or java:");
    ExperimentSpec experiment = experimentNode == null ? null
        : new ExperimentReader(problems, file, grid.declared()).read(experimentNode);
    ExecutorSpec executor = top.has("executor") ? executor(top.get("executor"))
        : ExecutorSpec.local();
    Path results = results(top);
    List<FigureSpec> figures = top.has("figures")
        ? new FigureReader(problems, grid.declared(), grid.axes(), observables)
            .read(top.get("figures"))
        : List.of();
    problems.throwIfAny();
    return new Study(name, file, results, new ArrayList<>(grid.axes().values()), observables,
        experiment, executor, figures, studyGrid);
  }

  private Node compose(String yaml) {
    LoadSettings settings = LoadSettings.builder().setLabel(file.toString())
        .setSchema(new CoreSchema()).build();
    try {
      Optional<Node> root = new Compose(settings).composeString(yaml);
      return root.orElse(null);
    } catch (MarkedYamlEngineException e) {
      syntax(e, yaml);
    } catch (ReaderException e) {
      TextPlace place = TextPlace.ofCodePoint(yaml, e.getPosition());
      problems.at(place.line(), place.column(), "")
          .message(String.format(Locale.ROOT, "the file holds the character U+%04X, which YAML "
              + "does not allow", e.getCodePoint()))
          .excerpt(Problem.truncate(place.text()) + "\n"
              + " ".repeat(Math.min(place.column() - 1, Problem.FOUND_LIMIT)) + "^")
          .fix("delete it (an editor may not show it); control characters are not allowed, "
              + "tabs only inside quotes").add();
    } catch (YamlEngineException e) {
      problems.at(0, 0, "").message("the YAML does not parse: " + e.getMessage())
          .fix("check the indentation, brackets and quotes").add();
    }
    return null;
  }

  private void syntax(MarkedYamlEngineException e, String yaml) {
    Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
    String what = e.getProblem() == null ? "" : e.getProblem().trim();
    String context = e.getContext() == null ? "" : e.getContext().trim();
    StringBuilder message = new StringBuilder("the YAML does not parse: ").append(what);
    if (!context.isEmpty() && e.getContextMark().isPresent() && e.getProblemMark().isPresent()
        && e.getContextMark().get().getLine() != e.getProblemMark().get().getLine()) {
      Mark start = e.getContextMark().get();
      message.append(" (").append(context).append(" that starts on line ")
          .append(start.getLine() + 1).append(')');
    }
    String fix = what.contains("TAB") ? "indent with spaces, not tabs"
        : "check the indentation, brackets and quotes around this place";
    if (context.contains("single document")) {
      message = new StringBuilder("the file holds more than one YAML document");
      fix = "remove the `---` line: a study file is one document";
    }
    if (mark == null) {
      problems.at(0, 0, "").message(message.toString()).fix(fix).add();
      return;
    }
    String[] lines = yaml.split("\n", -1);
    String line = mark.getLine() < lines.length ? lines[mark.getLine()].stripTrailing() : "";
    problems.at(mark.getLine() + 1, mark.getColumn() + 1, "").message(message.toString())
        .excerpt(line + "\n" + " ".repeat(mark.getColumn()) + "^").fix(fix).add();
  }

  private String studyName(Fields top) {
    Node node = top.require("study", "write `study: my-study` on the first line: the study's "
        + "name");
    if (node == null) {
      return null;
    }
    String name = Nodes.text(node, "study", problems, "a name", "write `study: my-study`");
    if (name != null && !STUDY_NAME.matcher(name).matches()) {
      problems.at(node, "study").message("'" + name + "' cannot name a study").found(name)
          .fix("use letters, digits, - and _, such as '"
              + name.trim().replaceAll("[^A-Za-z0-9_-]+", "-") + "'").add();
    }
    return name;
  }

  private List<Declared.Method> methods(Fields top) {
    Node node = top.require("methods", "write `methods: [logreg, forest]`: the methods compared");
    List<Declared.Method> methods = new ArrayList<>();
    if (node == null) {
      return methods;
    }
    List<Node> items = Nodes.list(node, "methods", problems, "a list of methods", true,
        "write `methods: [logreg, forest]`");
    if (items == null) {
      return methods;
    }
    if (items.isEmpty()) {
      empty(node, "methods", "methods: [logreg, forest]");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String path = item == node ? "methods" : Nodes.item("methods", i);
      Node nameNode = item;
      List<Control> controls = List.of();
      if (item instanceof MappingNode) {
        Fields f = Fields.of(item, path, problems, METHOD_KEYS, "a method", null);
        nameNode = f.require("name", "write `- {name: forest, controls: {trees: [50, 100]}}`");
        if (f.has("controls")) {
          controls = new ControlReader(problems).readAll(f.get("controls"),
              f.path("controls"));
        }
        if (nameNode == null) {
          continue;
        }
      }
      String name = Nodes.text(nameNode, path, problems, "a method name or "
          + "{name: NAME, controls: {...}}", "write `- logreg` or `- {name: forest, controls: "
          + "{trees: [50, 100]}}`");
      if (name != null && unique(name, seen, i, nameNode, path)) {
        methods.add(new Declared.Method(name, nameNode, path, controls));
      }
    }
    return methods;
  }

  private List<Declared.Name> names(Fields top, String key, String what, String example) {
    Node node = top.require(key, "write `" + key + ": " + example + "`");
    List<Declared.Name> names = new ArrayList<>();
    if (node == null) {
      return names;
    }
    List<Node> items = Nodes.list(node, key, problems, "a list of names", true,
        "write `" + key + ": " + example + "`");
    if (items == null) {
      return names;
    }
    if (items.isEmpty()) {
      empty(node, key, key + ": " + example);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = items.get(i) == node ? key : Nodes.item(key, i);
      String name = Nodes.text(items.get(i), path, problems, "a " + what + " name", null);
      if (name != null && unique(name, seen, i, items.get(i), path)) {
        names.add(new Declared.Name(name, items.get(i), path));
      }
    }
    return names;
  }

  private List<String> observables(Fields top) {
    Node node = top.require("observables", "write `observables: [train_acc, test_acc]`: what "
        + "each cell records");
    List<String> names = new ArrayList<>();
    if (node == null) {
      return names;
    }
    List<Node> items = Nodes.list(node, "observables", problems, "a list of names", true,
        "write `observables: [train_acc, test_acc]`");
    if (items == null) {
      return names;
    }
    if (items.isEmpty()) {
      empty(node, "observables", "observables: [train_acc, test_acc]");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = items.get(i) == node ? "observables" : Nodes.item("observables", i);
      String name = Nodes.text(items.get(i), path, problems, "an observable name", null);
      if (name != null && AxisNames.check(name, "observable", problems, items.get(i), path)
          && unique(name, seen, i, items.get(i), path)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether {@code name} is new; a repeat is a problem naming the item it repeats. */
  private boolean unique(String name, Map<String, Integer> seen, int index, Node node,
      String path) {
    Integer first = seen.putIfAbsent(name, index);
    if (first == null) {
      return true;
    }
    String earlier = path.substring(0, path.lastIndexOf('[')) + "[" + first + "]";
    problems.at(node, path).message("'" + name + "' repeats " + earlier)
        .found(name).fix("remove one of them").add();
    return false;
  }

  private void empty(Node node, String key, String example) {
    problems.at(node, key).message("the list is empty").found("[]")
        .fix("write `" + example + "`").add();
  }

  private ExecutorSpec executor(Node node) {
    String fix = "write `executor: {type: local, workers: 4}`";
    Node typeNode = node;
    Node workersNode = null;
    Fields f = null;
    if (!(node instanceof ScalarNode)) {
      f = Fields.of(node, "executor", problems, EXECUTOR_KEYS, "a map {type:, workers:, ...}",
          fix);
      if (f == null) {
        return null;
      }
      typeNode = f.get("type");
      workersNode = f.get("workers");
    }
    String path = f == null ? "executor" : f.path("type");
    String type = typeNode == null ? "local"
        : Nodes.text(typeNode, path, problems, "an executor name", fix);
    if (type != null && !EXECUTORS.contains(type)) {
      problems.at(typeNode, path).message("unknown executor '" + type + "'").found(type)
          .nearest(type, EXECUTORS).fix(fix).add();
    }
    Long workers = null;
    if (workersNode != null) {
      workers = Nodes.integer(workersNode, f.path("workers"), problems, fix);
      if (workers != null && (workers < 1 || workers > 100_000)) {
        problems.at(workersNode, f.path("workers"))
            .message("workers must be at least 1, found " + workers)
            .found(String.valueOf(workers)).fix(fix).add();
        workers = null;
      }
    }
    SlurmSpec slurm = new SlurmReader(problems).read(f);
    return new ExecutorSpec(type, workers == null ? null : workers.intValue(), slurm);
  }

  private static List<String> executorKeys() {
    List<String> keys = new ArrayList<>(List.of("type", "workers"));
    keys.addAll(SlurmSpec.KEYS);
    return List.copyOf(keys);
  }

  private Path results(Fields top) {
    String folder = "results";
    if (top.has("results")) {
      String text = Nodes.text(top.get("results"), "results", problems, "a folder",
          "write `results: results`");
      folder = text == null ? folder : text;
    }
    Path path = file.resolveSibling(folder).normalize();
    return path.toString().isEmpty() ? Path.of(".") : path;
  }
}
