package xyz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import xyz.study.StudyException;
import xyz.study.StudyReader;

/**
 * A seeded generator breaks a valid study file in the ways people and tools do, 10,000 times and
 * more: every broken file is refused with a StudyException whose message names the place
 * (file:line:column), within a second or so, never another exception or a hang; a sample goes
 * through the command line, which exits 2 without a stack trace.
 */
class BadStudyFilesTest {
  private static final String STUDY = """
      study: fuzz
      description: a study that every case breaks
      methods:
        - logreg
        - name: forest
          controls:
            trees: [50, 100]
      datasets: [iris, wine]
      controls:
        p: [0, 0.2, 0.4]
        lr: {logspace: [0.0001, 0.1, 4]}
        w: {linspace: [0, 1, 4]}
        seed: {range: [0, 3], replicate: true}
        opt: {choice: [sgd, adam]}
      zip:
        - [lr, w]
      exclude:
        - "method == 'forest' and dataset == 'wine'"
        - where: "p > 0.3"
          because: not informative
      observables: [train_acc, test_acc]
      experiment:
        command: [python3, train.py, --lr, "{lr}", --out, "{cell_dir}"]
        timeout: 10m
        retries: 1
        env: {OMP_NUM_THREADS: "1"}
      executor: {type: local, workers: 2}
      figures:
        - name: accuracy
          rows: method
          cols: dataset
          x: p
          y: [train_acc, test_acc]
      """;
  private static final List<String> LINES = List.of(STUDY.split("\n"));
  private static final Pattern PLACE = Pattern.compile("(?m)^(xyz: )?\\S*study\\.yaml:\\d+:\\d+: ");
  private static final int CASES_PER_KIND = 1_250;
  private static final int HUGE_CASES = 40;
  private static final int CLI_EVERY = 100;
  private static final long CASE_SECONDS = 10;

  /** How a case breaks the file. */
  enum Break {
    DELETE_REQUIRED_KEY, DUPLICATE_KEY, WRONG_TYPE, BAD_INDENTATION, UNKNOWN_NAME, HUGE_LIST,
    EMPTY_LIST, STRAY_UNICODE, BINARY_BYTES
  }

  @TempDir static Path tmp;
  private static ExecutorService reader;

  @BeforeAll
  static void startReader() {
    reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "study-reader");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterAll
  static void stopReader() {
    reader.shutdownNow();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Break.class)
  void everyBrokenFileIsRefusedWithItsPlace(Break kind) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(kind.name()));
    Path file = dir.resolve("study.yaml");
    List<String> wrong = new ArrayList<>();
    int cases = kind == Break.HUGE_LIST ? HUGE_CASES : CASES_PER_KIND;
    for (int seed = 0; seed < cases && wrong.size() < 5; seed++) {
      byte[] bytes = broken(kind, new SplittableRandom(seed * 31L + kind.ordinal()));
      Files.write(file, bytes);
      String verdict = verdict(file);
      if (verdict != null) {
        wrong.add("seed " + seed + ": " + verdict + "\n--- file\n" + preview(bytes));
        continue;
      }
      if (seed % CLI_EVERY == 0) {
        Cli cli = Cli.run("plan", file.toString());
        boolean ok = cli.code == Main.USER_ERROR && PLACE.matcher(cli.err).find()
            && !cli.err.contains("\tat ") && !cli.err.contains("Exception");
        if (!ok) {
          wrong.add("seed " + seed + " on the command line: " + cli + "\n--- file\n"
              + preview(bytes));
        }
      }
    }
    assertThat(wrong).as(kind + ": cases not refused with a place").isEmpty();
  }

  /** Null when the file is refused as it should be, else what happened instead. */
  private static String verdict(Path file) throws Exception {
    Future<Object> read = reader.submit(() -> {
      try {
        StudyReader.read(file);
        return "the study was read as valid";
      } catch (StudyException e) {
        return e;
      } catch (Throwable t) {
        return t;
      }
    });
    Object result;
    try {
      result = read.get(CASE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      return "no answer within " + CASE_SECONDS + " s";
    }
    if (result instanceof StudyException e) {
      return PLACE.matcher(e.getMessage()).find() ? null
          : "refused without a place: " + e.getMessage();
    }
    if (result instanceof Throwable t) {
      ByteArrayOutputStream trace = new ByteArrayOutputStream();
      t.printStackTrace(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8));
      return "threw " + trace.toString(StandardCharsets.UTF_8);
    }
    return String.valueOf(result);
  }

  private static byte[] broken(Break kind, SplittableRandom random) {
    List<String> lines = new ArrayList<>(LINES);
    switch (kind) {
      case DELETE_REQUIRED_KEY -> deleteRequired(lines, random);
      case DUPLICATE_KEY -> duplicate(lines, random);
      case WRONG_TYPE -> wrongType(lines, random);
      case BAD_INDENTATION -> indent(lines, random);
      case UNKNOWN_NAME -> rename(lines, random);
      case HUGE_LIST -> hugeList(lines, random);
      case EMPTY_LIST -> emptyList(lines, random);
      case STRAY_UNICODE -> unicode(lines, random);
      case BINARY_BYTES -> {
        return binary(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), random);
      }
      default -> throw new AssertionError(kind);
    }
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static final List<String> REQUIRED =
      List.of("study", "methods", "datasets", "experiment", "observables", "  command");

  private static void deleteRequired(List<String> lines, SplittableRandom random) {
    String key = REQUIRED.get(random.nextInt(REQUIRED.size()));
    int at = find(lines, key.strip(), key.length() - key.strip().length());
    int end = blockEnd(lines, at);
    lines.subList(at, end).clear();
  }

  private static void duplicate(List<String> lines, SplittableRandom random) {
    List<Integer> keyed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (s.matches("[a-zA-Z_]+:.*")) {
        keyed.add(i);
      }
    }
    int at = keyed.get(random.nextInt(keyed.size()));
    int end = blockEnd(lines, at);
    List<String> copy = new ArrayList<>(lines.subList(at, end));
    lines.addAll(random.nextBoolean() ? end : at, copy);
  }

  private static final String[][] WRONG = {
    {"study", "[a, b]", "{name: x}", "''", "'has space!'"},
    {"description", "[1, 2]", "{a: b}"},
    {"methods", "5", "logreg", "{a: b}", "[[a, b]]", "[{controls: {x: [1]}}]", "[1.5, true]"},
    {"datasets", "{a: 1}", "7", "iris", "[[iris]]", "[null]"},
    {"observables", "3", "{a: b}", "[[x]]", "train_acc", "[1, 2]"},
    {"  timeout", "[1]", "abc", "-5m", "{a: 1}", "10 parsecs"},
    {"  retries", "many", "-1", "1.5", "[1]"},
    {"  command", "7", "{a: b}", "[[python3]]"},
    {"  env", "[1, 2]", "OMP"},
    {"executor", "3", "[local]", "{type: cloud}", "{type: local, workers: -2}",
     "{type: local, workers: lots}"},
    {"  p", "5", "{nope: 1}", "abc", "{range: [a, b]}"},
    {"  lr", "{logspace: [0.0001]}", "{logspace: [a, b, c]}", "{logspace: [0, 1, 4]}"},
    {"  w", "{linspace: [0, 1]}", "{linspace: 3}", "{linspace: [0, 1, -4]}"},
    {"  seed", "{range: [3, 0]}", "{range: x, replicate: true}", "{range: [0, 3], replicate: 2}"},
    {"  opt", "{choice: 3}", "{choice: []}", "{choice: [a], extra: 1}"},
    {"zip", "3", "lr", "[[lr]]", "[[lr, nope]]", "[lr, w]"},
    {"exclude", "3", "{a: b}", "[\"method ==\"]", "[\"nope == 1\"]", "[{because: x}]"},
    {"figures", "3", "[accuracy]", "[{name: a}]", "[{name: a, rows: nope, x: p, y: [test_acc]}]"},
    {"    x", "nope", "[p, q]", "{a: 1}"},
    {"    y", "[nope]", "3", "{a: b}"},
  };

  private static void wrongType(List<String> lines, SplittableRandom random) {
    String[] choice = WRONG[random.nextInt(WRONG.length)];
    String key = choice[0];
    String value = choice[1 + random.nextInt(choice.length - 1)];
    int indent = key.length() - key.strip().length();
    int at = find(lines, key.strip(), indent);
    int end = blockEnd(lines, at);
    String head = lines.get(at);
    String prefix = head.substring(0, head.indexOf(':') + 1);
    lines.subList(at, end).clear();
    lines.add(at, prefix + " " + value);
  }

  private static void indent(List<String> lines, SplittableRandom random) {
    List<Integer> nested = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(" ") && !lines.get(i).isBlank()) {
        nested.add(i);
      }
    }
    int at = nested.get(random.nextInt(nested.size()));
    String line = lines.get(at);
    int spaces = line.length() - line.stripLeading().length();
    int shifted = random.nextBoolean() ? spaces + 1 : spaces - 1;
    if (random.nextInt(4) == 0) {
      shifted = spaces + 3;
    }
    lines.set(at, " ".repeat(shifted) + line.stripLeading());
  }

  /** Keys whose names are fixed by the schema: not axis names, not variables. */
  private static List<Integer> schemaKeys(List<String> lines) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (s.startsWith("- ")) {
        s = s.substring(2);
      }
      if (!s.matches("[a-zA-Z_]+:.*")) {
        continue;
      }
      String parent = parentKey(lines, i);
      if (!parent.equals("controls") && !parent.equals("env")) {
        out.add(i);
      }
    }
    return out;
  }

  private static void rename(List<String> lines, SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      String[][] refs = {
        {"    x: p", "    x: q"}, {"    rows: method", "    rows: methd"},
        {"    cols: dataset", "    cols: datasets"}, {"  - [lr, w]", "  - [lr, ww]"},
        {"    y: [train_acc, test_acc]", "    y: [train_acc, tset_acc]"},
        {"  - where: \"p > 0.3\"", "  - where: \"pp > 0.3\""},
        {"executor: {type: local, workers: 2}", "executor: {type: locl, workers: 2}"},
        {"  opt: {choice: [sgd, adam]}", "  opt: {choise: [sgd, adam]}"},
        {"  lr: {logspace: [0.0001, 0.1, 4]}", "  lr: {logscale: [0.0001, 0.1, 4]}"},
      };
      String[] r = refs[random.nextInt(refs.length)];
      lines.set(lines.indexOf(r[0]), r[1]);
      return;
    }
    List<Integer> keys = schemaKeys(lines);
    int at = keys.get(random.nextInt(keys.size()));
    String line = lines.get(at);
    int start = line.length() - line.stripLeading().length();
    if (line.startsWith("- ", start)) {
      start += 2;
    }
    int colon = line.indexOf(':', start);
    String key = line.substring(start, colon);
    String name = misspell(key, random);
    lines.set(at, line.substring(0, start) + name + line.substring(colon));
  }

  private static String misspell(String key, SplittableRandom random) {
    StringBuilder b = new StringBuilder(key);
    int at = random.nextInt(b.length());
    switch (random.nextInt(3)) {
      case 0 -> b.deleteCharAt(at);
      case 1 -> b.insert(at, (char) ('a' + random.nextInt(26)));
      default -> b.append('s');
    }
    String out = b.toString();
    return out.equals(key) || out.isEmpty() ? key + "x" : out;
  }

  private static void hugeList(List<String> lines, SplittableRandom random) {
    String[] keys = {"methods", "datasets", "observables", "  p"};
    String key = keys[random.nextInt(keys.length)];
    int indent = key.length() - key.strip().length();
    int at = find(lines, key.strip(), indent);
    int end = blockEnd(lines, at);
    int size = 5_000 + random.nextInt(45_000);
    int bad = random.nextInt(size);
    StringBuilder value = new StringBuilder(" [");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        value.append(", ");
      }
      value.append(i == bad ? "{x: [1, 2]}" : key.equals("  p") ? Integer.toString(i) : "n" + i);
    }
    value.append(']');
    String head = lines.get(at);
    lines.subList(at, end).clear();
    lines.add(at, head.substring(0, head.indexOf(':') + 1) + value);
  }

  private static void emptyList(List<String> lines, SplittableRandom random) {
    String[] keys = {"methods", "datasets", "observables", "  command", "  p", "zip",
      "    y", "study"};
    String key = keys[random.nextInt(keys.length)];
    int at = find(lines, key.strip(), key.length() - key.strip().length());
    int end = blockEnd(lines, at);
    String head = lines.get(at);
    lines.subList(at, end).clear();
    String[] empties = {" []", "", " ''", " {}", " [[]]"};
    lines.add(at, head.substring(0, head.indexOf(':') + 1)
        + empties[random.nextInt(key.equals("study") ? 3 : empties.length)]);
  }

  private static final String[] STRAY = {
    "\u200B", "\u200E", "\u202E", "\u00A0", "\uFEFF", "\uD83D\uDE00", "\u0301", "\u2028",
    "\uFFFD", "\uFF1A", "\u0000", "\u001B"
  };

  private static void unicode(List<String> lines, SplittableRandom random) {
    List<Integer> keys = schemaKeys(lines);
    int at = keys.get(random.nextInt(keys.size()));
    String line = lines.get(at);
    int start = line.length() - line.stripLeading().length();
    if (line.startsWith("- ", start)) {
      start += 2;
    }
    int colon = line.indexOf(':', start);
    int where = start + random.nextInt(colon - start + 1);
    lines.set(at, line.substring(0, where) + STRAY[random.nextInt(STRAY.length)]
        + line.substring(where));
  }

  private static byte[] binary(byte[] text, SplittableRandom random) {
    int n = 1 + random.nextInt(8);
    int at = random.nextInt(text.length);
    byte[] out = new byte[text.length + n];
    System.arraycopy(text, 0, out, 0, at);
    for (int i = 0; i < n; i++) {
      int b = random.nextInt(3) == 0 ? random.nextInt(0x09) : 0x80 + random.nextInt(0x80);
      out[at + i] = (byte) b;
    }
    System.arraycopy(text, at, out, at + n, text.length - at);
    return out;
  }

  private static int find(List<String> lines, String key, int indent) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(" ".repeat(indent) + key + ":")) {
        return i;
      }
    }
    throw new AssertionError("no key " + key + " at indent " + indent);
  }

  /** The end (exclusive) of the block that starts at {@code at}: its more indented lines. */
  private static int blockEnd(List<String> lines, int at) {
    int indent = keyColumn(lines.get(at));
    int end = at + 1;
    while (end < lines.size() && keyColumn(lines.get(end)) > indent) {
      end++;
    }
    return end;
  }

  private static int keyColumn(String line) {
    int spaces = line.length() - line.stripLeading().length();
    return line.startsWith("- ", spaces) ? spaces + 2 : spaces;
  }

  private static String parentKey(List<String> lines, int at) {
    int col = keyColumn(lines.get(at));
    for (int i = at - 1; i >= 0; i--) {
      if (keyColumn(lines.get(i)) < col) {
        String s = lines.get(i).strip();
        s = s.startsWith("- ") ? s.substring(2) : s;
        return s.contains(":") ? s.substring(0, s.indexOf(':')) : "";
      }
    }
    return "";
  }

  private static String preview(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
  }
}
