package xyz.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns the declared methods, datasets and controls into axes and a grid: checks the axis names,
 * merges the controls of methods, draws the random controls, and reads {@code zip}, {@code draws}
 * and {@code exclude}.
 */
final class GridBuilder {
  /** The keys of {@code draws}. */
  static final List<String> DRAW_KEYS = List.of("n", "seed");

  /** The most joint draws a study may ask for. */
  static final int MAX_DRAWS = 1_000_000;

  private final Problems problems;
  private final List<Declared.Method> methods;
  private final List<Declared.Name> datasets;
  private final Set<String> observables;

  /** Every axis name, even of controls whose levels have mistakes, in axis order. */
  private final Set<String> declared = new LinkedHashSet<>();
  private final Map<String, Axis> axes = new LinkedHashMap<>();
  private final Map<String, Control> study = new LinkedHashMap<>();
  /** Per method-only axis, in first-met order: the control as each method declares it. */
  private final Map<String, Map<String, Control>> own = new LinkedHashMap<>();
  /** Every control that failed its checks (its name still counts as declared). */
  private boolean brokenControls;
  private StudyGrid.Draws draws;
  /** The drawn values of each random control, per method (the same for study-wide ones). */
  private final Map<Control, Object[]> drawn = new HashMap<>();
  private final List<List<String>> zips = new ArrayList<>();

  GridBuilder(Problems problems, List<Declared.Method> methods, List<Declared.Name> datasets,
      List<Control> controls, List<String> observables) {
    this.problems = problems;
    this.methods = methods;
    this.datasets = datasets;
    this.observables = new LinkedHashSet<>(observables);
    declared.add("method");
    declared.add("dataset");
    for (Control c : controls) {
      if (name(c) && c.valid()) {
        study.put(c.name(), c);
      }
    }
    for (Declared.Method m : methods) {
      for (Control c : m.controls()) {
        ownControl(m, c);
      }
    }
  }

  /** Every axis name, even of controls whose levels have mistakes, in axis order. */
  Set<String> declared() {
    return declared;
  }

  /** The axes read without mistakes, by name, in axis order. */
  Map<String, Axis> axes() {
    return axes;
  }

  private boolean name(Control c) {
    boolean ok = AxisNames.check(c.name(), "control", problems, c.keyNode(), c.path());
    if (ok && observables.contains(c.name())) {
      problems.at(c.keyNode(), c.path())
          .message("'" + c.name() + "' is also an observable; an axis and an observable cannot "
              + "share a name")
          .found(c.name()).fix("rename one of them").add();
      ok = false;
    }
    declared.add(c.name());
    brokenControls |= !ok || !c.valid();
    return ok;
  }

  private void ownControl(Declared.Method m, Control c) {
    if (study.containsKey(c.name())) {
      problems.at(c.keyNode(), c.path())
          .message("'" + c.name() + "' is already a study-wide control")
          .found(c.name())
          .fix("rename it, or remove it from the study-wide controls to give each method "
              + "its own levels").add();
      return;
    }
    Map<String, Control> byMethod = own.get(c.name());
    if (byMethod == null) {
      if (declared.contains(c.name()) || !name(c)) {
        // The name was refused already, where it was first declared.
        return;
      }
      byMethod = new LinkedHashMap<>();
      own.put(c.name(), byMethod);
    }
    if (!c.valid()) {
      brokenControls = true;
      return;
    }
    if (!byMethod.isEmpty()) {
      Control other = byMethod.values().iterator().next();
      if ((other.draw() == null) != (c.draw() == null) || other.replicate() != c.replicate()) {
        problems.at(c.node(), c.path())
            .message("'" + c.name() + "' is declared differently by another method ("
                + other.path() + "): both must be random draws or not, and replicates or not")
            .fix("declare it the same way in every method, or give it another name").add();
        brokenControls = true;
        return;
      }
    }
    byMethod.put(m.name(), c);
  }

  /**
   * Reads draws, zips and exclusions and builds the axes and the grid.
   *
   * @return the grid, or null when there were problems (they are filed)
   */
  StudyGrid build(Node drawsNode, Node zipNode, Node excludeNode) {
    readDraws(drawsNode);
    makeAxes();
    if (zipNode != null) {
      readZips(zipNode);
    }
    List<StudyGrid.Exclusion> exclusions = excludeNode == null ? List.of()
        : new ExclusionReader(problems, declared, axes).read(excludeNode);
    if (!problems.isEmpty()) {
      return null;
    }
    List<StudyGrid.Branch> branches = new ArrayList<>();
    for (Declared.Method m : methods) {
      branches.add(branch(m.name()));
    }
    return new StudyGrid(branches, exclusions, draws);
  }

  // ---- draws

  private void readDraws(Node node) {
    List<Control> sources = new ArrayList<>();
    for (Control c : study.values()) {
      if (c.draw() != null) {
        sources.add(c);
      }
    }
    for (Declared.Method m : methods) {
      for (Map<String, Control> byMethod : own.values()) {
        Control c = byMethod.get(m.name());
        if (c != null && c.draw() != null) {
          sources.add(c);
        }
      }
    }
    if (node == null) {
      if (!sources.isEmpty()) {
        Control first = sources.get(0);
        problems.at(first.node(), first.path())
            .message("'" + first.name() + "' is a random draw, but the study has no `draws`")
            .fix("add `draws: {n: 20, seed: 1}`: how many joint draws, and the seed").add();
      }
      return;
    }
    if (sources.isEmpty()) {
      if (!brokenControls) {
        problems.at(node, "draws").message("no control is a random draw")
            .fix("remove `draws`, or draw a control: `dropout: {uniform: [0, 0.5]}`").add();
      }
      return;
    }
    Fields fields = Fields.of(node, "draws", problems, DRAW_KEYS, "a map {n: COUNT, seed: SEED}",
        "write `draws: {n: 20, seed: 1}`");
    if (fields == null) {
      return;
    }
    Node nNode = fields.require("n", "write `draws: {n: 20, seed: 1}`: n is how many draws");
    Long n = nNode == null ? null
        : Nodes.integer(nNode, fields.path("n"), problems, "write `n: 20`");
    Long seed = fields.has("seed")
        ? Nodes.integer(fields.get("seed"), fields.path("seed"), problems, "write `seed: 1`")
        : Long.valueOf(0);
    if (n != null && (n < 1 || n > MAX_DRAWS)) {
      problems.at(nNode, fields.path("n"))
          .message("n must be between 1 and " + MAX_DRAWS + ", found " + n)
          .found(String.valueOf(n)).fix("write `n: 20`").add();
      return;
    }
    if (n == null || seed == null) {
      return;
    }
    draws = new StudyGrid.Draws(n.intValue(), seed);
    List<Control.Draw> specs = sources.stream().map(Control::draw).toList();
    List<Object[]> values = RandomDraws.draw(specs, n.intValue(), seed);
    for (int s = 0; s < sources.size(); s++) {
      drawn.put(sources.get(s), values.get(s));
    }
  }

  // ---- axes

  private void makeAxes() {
    axes.put("method", new Axis("method", AxisRole.METHOD,
        List.copyOf(methods.stream().map(Declared.Method::name).toList()), false, List.of()));
    axes.put("dataset", new Axis("dataset", AxisRole.DATASET,
        List.copyOf(datasets.stream().map(Declared.Name::name).toList()), false, List.of()));
    for (Control c : study.values()) {
      List<Object> levels = levels(c);
      if (levels != null) {
        axes.put(c.name(), new Axis(c.name(), AxisRole.CONTROL, levels, c.replicate(),
            List.of()));
      }
    }
    for (Map.Entry<String, Map<String, Control>> e : own.entrySet()) {
      Map<String, Control> byMethod = e.getValue();
      if (byMethod.isEmpty()) {
        continue;
      }
      Map<String, Object> union = new LinkedHashMap<>();
      for (Control c : byMethod.values()) {
        List<Object> levels = levels(c);
        if (levels == null) {
          union = null;
          break;
        }
        for (Object level : levels) {
          union.putIfAbsent(Values.label(level), level);
        }
      }
      if (union != null) {
        Control first = byMethod.values().iterator().next();
        axes.put(e.getKey(), new Axis(e.getKey(), AxisRole.CONTROL,
            new ArrayList<>(union.values()), first.replicate(),
            new ArrayList<>(byMethod.keySet())));
      }
    }
  }

  /** The levels of a control: as written, or the distinct drawn values in draw order. */
  private List<Object> levels(Control c) {
    if (c.draw() == null) {
      return c.levels();
    }
    Object[] values = drawn.get(c);
    if (values == null) {
      return null;
    }
    Map<String, Object> distinct = new LinkedHashMap<>();
    for (Object v : values) {
      distinct.putIfAbsent(Values.label(v), v);
    }
    return new ArrayList<>(distinct.values());
  }

  // ---- zips

  private void readZips(Node node) {
    String form = "write `zip: [[lr, w]]`: each group is a list of controls that vary together";
    List<Node> groups = Nodes.list(node, "zip", problems, "a list of groups", false, form);
    if (groups == null) {
      return;
    }
    Set<String> zipped = new LinkedHashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      String path = Nodes.item("zip", g);
      List<Node> items = Nodes.list(groups.get(g), path, problems,
          "a list of controls such as [lr, w]", false, form);
      if (items == null) {
        continue;
      }
      if (items.size() < 2) {
        problems.at(groups.get(g), path)
            .message("a zip group needs at least two controls, found " + items.size())
            .found(Nodes.source(groups.get(g))).fix(form).add();
        continue;
      }
      List<String> members = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < items.size(); i++) {
        String member = member(items.get(i), Nodes.item(path, i), zipped);
        ok &= member != null;
        if (member != null) {
          members.add(member);
          zipped.add(member);
        }
      }
      if (ok && lengths(groups.get(g), path, members)) {
        zips.add(members);
      }
    }
  }

  private String member(Node node, String path, Set<String> zipped) {
    String name = Nodes.text(node, path, problems, "a control name", null);
    if (name == null) {
      return null;
    }
    List<String> controls = declared.stream()
        .filter(n -> !n.equals("method") && !n.equals("dataset")).toList();
    if (name.equals("method") || name.equals("dataset")) {
      problems.at(node, path).message("only controls can be zipped, not the " + name + " axis")
          .found(name).valid(controls).fix("remove it from the zip").add();
      return null;
    }
    if (!declared.contains(name)) {
      problems.at(node, path).message("unknown control '" + name + "'").found(name)
          .nearest(name, controls).fix("zip controls declared under `controls`").add();
      return null;
    }
    if (zipped.contains(name)) {
      problems.at(node, path).message("'" + name + "' is already zipped").found(name)
          .fix("put each control in one zip group at most").add();
      return null;
    }
    Control c = study.get(name);
    boolean draw = c != null ? c.draw() != null
        : own.containsKey(name) && own.get(name).values().stream().anyMatch(x -> x.draw() != null);
    if (draw) {
      problems.at(node, path)
          .message("'" + name + "' is a random draw; the draws already vary together")
          .found(name).fix("remove it from the zip").add();
      return null;
    }
    return axes.containsKey(name) ? name : null;
  }

  /** Checks that the members belong to the same methods and have equal lengths in each. */
  private boolean lengths(Node node, String path, List<String> members) {
    List<String> owners = members.stream().map(this::owners).distinct().toList();
    if (owners.size() > 1) {
      StringBuilder detail = new StringBuilder();
      for (String m : members) {
        detail.append(detail.length() == 0 ? "" : ", ").append(m).append(" to ").append(owners(m));
      }
      problems.at(node, path).message("the zipped controls belong to different methods: "
          + detail).found(Nodes.source(node))
          .fix("zip only controls that belong to the same methods").add();
      return false;
    }
    // A study-wide group is checked once (method null); a method's group once per method.
    List<String> scopes = study.containsKey(members.get(0)) ? Collections.singletonList(null)
        : new ArrayList<>(own.get(members.get(0)).keySet());
    for (String method : scopes) {
      List<Integer> sizes = members.stream().map(m -> levelsFor(m, method).size()).toList();
      if (sizes.stream().distinct().count() > 1) {
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
          detail.append(i == 0 ? "" : ", ").append(members.get(i)).append(" has ")
              .append(sizes.get(i)).append(sizes.get(i) == 1 ? " level" : " levels");
        }
        String where = method == null ? "" : " (in method " + method + ")";
        problems.at(node, path)
            .message("the zipped controls have different lengths" + where + ": " + detail)
            .found(Nodes.source(node))
            .fix("give them the same number of levels, or remove the zip to cross them").add();
        return false;
      }
    }
    return true;
  }

  private String owners(String control) {
    return study.containsKey(control) ? "every method"
        : String.join(", ", own.get(control).keySet());
  }

  // ---- branches

  private boolean applies(String axis, String method) {
    return study.containsKey(axis) || (own.containsKey(axis)
        && own.get(axis).containsKey(method));
  }

  private Control controlFor(String axis, String method) {
    Control c = study.get(axis);
    return c != null ? c : own.get(axis).get(method);
  }

  private List<Object> levelsFor(String axis, String method) {
    Control c = controlFor(axis, method);
    return c.draw() == null ? c.levels() : List.of(drawn.get(c));
  }

  private StudyGrid.Branch branch(String method) {
    List<String> order = new ArrayList<>(axes.keySet());
    List<String> keys = new ArrayList<>(List.of("method", "dataset"));
    for (String axis : order.subList(2, order.size())) {
      if (applies(axis, method)) {
        keys.add(axis);
      }
    }
    List<Placed> placed = new ArrayList<>();
    List<Object[]> datasetRows = new ArrayList<>();
    for (Declared.Name d : datasets) {
      datasetRows.add(new Object[] {d.name()});
    }
    placed.add(new Placed(1, new StudyGrid.Factor(StudyGrid.Factor.Kind.AXIS,
        List.of("dataset"), datasetRows)));
    List<String> drawAxes = new ArrayList<>();
    Set<List<String>> zipsPlaced = new LinkedHashSet<>();
    for (String axis : keys.subList(2, keys.size())) {
      Control c = controlFor(axis, method);
      List<String> zip = zips.stream().filter(z -> z.contains(axis)).findFirst().orElse(null);
      if (c.draw() != null) {
        drawAxes.add(axis);
      } else if (zip != null) {
        if (zipsPlaced.add(zip)) {
          placed.add(new Placed(order.indexOf(zip.get(0)), zipFactor(zip, method)));
        }
      } else {
        List<Object[]> rows = new ArrayList<>();
        for (Object level : c.levels()) {
          rows.add(new Object[] {level});
        }
        placed.add(new Placed(order.indexOf(axis),
            new StudyGrid.Factor(StudyGrid.Factor.Kind.AXIS, List.of(axis), rows)));
      }
    }
    if (!drawAxes.isEmpty()) {
      placed.add(new Placed(order.indexOf(drawAxes.get(0)), drawFactor(drawAxes, method)));
    }
    placed.sort(Comparator.comparingInt(Placed::position));
    return new StudyGrid.Branch(method, keys, placed.stream().map(Placed::factor).toList());
  }

  private StudyGrid.Factor zipFactor(List<String> zip, String method) {
    List<List<Object>> columns = zip.stream().map(a -> levelsFor(a, method)).toList();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < columns.get(0).size(); i++) {
      Object[] row = new Object[zip.size()];
      for (int j = 0; j < zip.size(); j++) {
        row[j] = columns.get(j).get(i);
      }
      rows.add(row);
    }
    return new StudyGrid.Factor(StudyGrid.Factor.Kind.ZIP, zip, rows);
  }

  /** The joint draws of the method's random axes; repeated draws are kept once. */
  private StudyGrid.Factor drawFactor(List<String> drawAxes, String method) {
    List<Object[]> columns = drawAxes.stream().map(a -> drawn.get(controlFor(a, method)))
        .toList();
    Set<List<String>> seen = new LinkedHashSet<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < draws.n(); i++) {
      Object[] row = new Object[drawAxes.size()];
      List<String> labels = new ArrayList<>();
      for (int j = 0; j < drawAxes.size(); j++) {
        row[j] = columns.get(j)[i];
        labels.add(Values.label(row[j]));
      }
      if (seen.add(labels)) {
        rows.add(row);
      }
    }
    return new StudyGrid.Factor(StudyGrid.Factor.Kind.DRAWS, drawAxes, rows);
  }

  private record Placed(int position, StudyGrid.Factor factor) {}
}
