package xyz.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import xyz.run.ExperimentProvider;

/** Reads {@code experiment}: how one cell runs, with its timeout, retries and version. */
final class ExperimentReader {
  /** The keys of {@code experiment}. */
  static final List<String> KEYS =
      List.of("builtin", "command", "java", "timeout", "retries", "version", "workdir", "env");

  /** The keys that say what runs; exactly one is given. */
  static final List<String> KINDS = List.of("builtin", "command", "java");

  private static final Pattern CLASS_NAME =
      Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String FORM =
      "write `experiment: {command: [python3, train.py, --lr, \"{lr}\"]}`";

  private final Problems problems;
  private final Path file;
  private final Set<String> axes;

  /**
   * @param file the study file, which relative folders start from
   * @param axes every axis name of the study, for the placeholders of a command
   */
  ExperimentReader(Problems problems, Path file, Set<String> axes) {
    this.problems = problems;
    this.file = file;
    this.axes = axes;
  }

  /** The experiment, or null after filing problems. */
  ExperimentSpec read(Node node) {
    Fields f = Fields.of(node, "experiment", problems, KEYS,
        "a map with one of builtin, command or java", FORM);
    if (f == null) {
      return null;
    }
    List<String> kinds = KINDS.stream().filter(f::has).toList();
    if (kinds.isEmpty()) {
      if (KINDS.stream().anyMatch(f::misspelt)) {
        return null;
      }
      problems.at(f.node(), "experiment").message("nothing to run: give one of builtin, "
          + "command or java").valid(KINDS).fix(FORM).add();
      return null;
    }
    if (kinds.size() > 1) {
      problems.at(f.key(kinds.get(1)), f.path(kinds.get(1)))
          .message("give one of builtin, command or java, found " + kinds.get(0) + " and "
              + kinds.get(1)).found(kinds.get(1)).fix("keep one of them").add();
      return null;
    }
    String kind = kinds.get(0);
    if (!kind.equals("command")) {
      for (String key : List.of("workdir", "env")) {
        if (f.has(key)) {
          problems.at(f.key(key), f.path(key))
              .message("'" + key + "' is for command experiments only").found(key)
              .fix("remove it").add();
        }
      }
    }
    Duration timeout = f.has("timeout") ? timeout(f.get("timeout"), f.path("timeout")) : null;
    Long retries = f.has("retries") ? retries(f.get("retries"), f.path("retries"))
        : Long.valueOf(0);
    String version = f.has("version") ? Nodes.text(f.get("version"), f.path("version"),
        problems, "a version as text", "write `version: \"2\"`") : "1";
    ExperimentSpec spec = switch (kind) {
      case "builtin" -> builtin(f, timeout, retries, version);
      case "java" -> java(f, timeout, retries, version);
      default -> command(f, timeout, retries, version);
    };
    return problems.isEmpty() ? spec : null;
  }

  private Duration timeout(Node node, String path) {
    String fix = "write a whole number and a unit: 30s, 10m, 2h or 1h30m";
    if (node instanceof ScalarNode s && node.getTag().equals(Tag.INT)) {
      problems.at(node, path).message("a timeout needs a unit, found " + Nodes.kind(node))
          .found(s.getValue()).fix("write `timeout: " + s.getValue() + "s` for seconds").add();
      return null;
    }
    String text = Nodes.text(node, path, problems, "a duration", fix);
    if (text == null) {
      return null;
    }
    Duration d = Durations.parse(text).orElse(null);
    if (d == null) {
      problems.at(node, path).message("'" + text + "' is not a duration").found(text).fix(fix)
          .add();
    }
    return d;
  }

  private Long retries(Node node, String path) {
    Long n = Nodes.integer(node, path, problems, "write `retries: 1`");
    if (n != null && (n < 0 || n > 100)) {
      problems.at(node, path).message("retries must be between 0 and 100, found " + n)
          .found(String.valueOf(n)).fix("write `retries: 1` to try a failed cell once more")
          .add();
      return null;
    }
    return n;
  }

  private ExperimentSpec builtin(Fields f, Duration timeout, Long retries, String version) {
    String name = Nodes.text(f.get("builtin"), f.path("builtin"), problems,
        "the name of a built-in experiment", "write `builtin: label-noise`");
    if (name == null) {
      return null;
    }
    List<String> known = new ArrayList<>();
    for (ExperimentProvider p : ServiceLoader.load(ExperimentProvider.class)) {
      known.add(p.name());
    }
    // Built-in experiments live in modules of their own; with none on the class path there is
    // nothing to check the name against, and the run reports it.
    if (!known.isEmpty() && !known.contains(name)) {
      problems.at(f.get("builtin"), f.path("builtin"))
          .message("unknown built-in experiment '" + name + "'").found(name)
          .nearest(name, known).fix("use one of the built-in experiments, or a command").add();
      return null;
    }
    return retries == null ? null : new ExperimentSpec.Builtin(name, timeout,
        retries.intValue(), version);
  }

  private ExperimentSpec java(Fields f, Duration timeout, Long retries, String version) {
    String name = Nodes.text(f.get("java"), f.path("java"), problems, "a class name",
        "write `java: com.example.MyExperiment`");
    if (name == null) {
      return null;
    }
    if (!CLASS_NAME.matcher(name).matches()) {
      problems.at(f.get("java"), f.path("java"))
          .message("'" + name + "' is not a Java class name").found(name)
          .fix("write the fully qualified name, such as `java: com.example.MyExperiment`").add();
      return null;
    }
    return retries == null ? null : new ExperimentSpec.JavaClass(name, timeout,
        retries.intValue(), version);
  }

  private ExperimentSpec command(Fields f, Duration timeout, Long retries, String version) {
    Node node = f.get("command");
    String path = f.path("command");
    if (node instanceof ScalarNode s && !Nodes.isNull(node)) {
      List<String> words = new ArrayList<>();
      for (String word : s.getValue().trim().split("\\s+")) {
        // Plain words read as text in a YAML list; others, such as {lr}, need quotes.
        words.add(word.matches("[A-Za-z0-9_./=+-]+") ? word
            : '"' + word.replace("\"", "\\\"") + '"');
      }
      problems.at(node, path).message("expected a list of arguments, found " + Nodes.kind(node))
          .found(s.getValue())
          .fix("write `command: [" + String.join(", ", words) + "]`: the arguments are never "
              + "split by a shell")
          .add();
      return null;
    }
    List<Node> items = Nodes.list(node, path, problems, "a list of arguments", false, FORM);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      problems.at(node, path).message("the command is empty").found("[]").fix(FORM).add();
      return null;
    }
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String arg = Nodes.text(items.get(i), Nodes.item(path, i), problems, "an argument as text",
          "quote it: \"...\"");
      if (arg != null) {
        placeholders(arg, items.get(i), Nodes.item(path, i));
        argv.add(arg);
      }
    }
    Path workdir = file.toAbsolutePath().getParent();
    if (f.has("workdir")) {
      String dir = Nodes.text(f.get("workdir"), f.path("workdir"), problems, "a folder",
          "write `workdir: .` for the study file's folder");
      workdir = dir == null ? workdir : file.toAbsolutePath().resolveSibling(dir).normalize();
    }
    Map<String, String> env = f.has("env") ? env(f.get("env"), f.path("env")) : Map.of();
    if (retries == null || argv.size() != items.size() || env == null) {
      return null;
    }
    return new ExperimentSpec.Command(List.copyOf(argv), workdir, env, timeout,
        retries.intValue(), version);
  }

  private void placeholders(String arg, Node node, String path) {
    for (Placeholders.Use use : Placeholders.find(arg)) {
      if (axes.contains(use.name()) || use.name().equals(Placeholders.CELL_ID)
          || use.name().equals(Placeholders.CELL_DIR)) {
        continue;
      }
      List<String> valid = new ArrayList<>(axes);
      valid.add(Placeholders.CELL_ID);
      valid.add(Placeholders.CELL_DIR);
      ScalarNode scalar = (ScalarNode) node;
      int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
      int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0)
          + use.position() + (scalar.getScalarStyle() == ScalarStyle.PLAIN ? 0 : 1);
      problems.at(line, column, path).message("unknown placeholder '{" + use.name() + "}'")
          .found(arg).excerpt(arg + "\n" + " ".repeat(use.position()) + "^")
          .nearest(use.name(), valid)
          .fix("write an axis name in braces, or {cell_id} or {cell_dir}").add();
    }
  }

  private Map<String, String> env(Node node, String path) {
    Fields fields = Fields.of(node, path, problems, null, "a map of variables to values",
        "write `env: {OMP_NUM_THREADS: \"1\"}`");
    if (fields == null) {
      return null;
    }
    Map<String, String> env = new LinkedHashMap<>();
    boolean ok = true;
    for (String name : fields.keys()) {
      if (!ENV_NAME.matcher(name).matches()) {
        problems.at(fields.key(name), fields.path(name))
            .message("'" + name + "' cannot name an environment variable").found(name)
            .fix("use letters, digits and _, not starting with a digit").add();
        ok = false;
        continue;
      }
      String value = Nodes.text(fields.get(name), fields.path(name), problems, "a value as text",
          "write `" + name + ": \"1\"`");
      ok &= value != null;
      env.put(name, value);
    }
    return ok ? env : null;
  }
}
