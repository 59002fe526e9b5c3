package xyz.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xyz.UserError;
import xyz.study.Study;
import xyz.study.TestStudies;

class PlannerTest {

  /** The cells' parameters, each written {@code k=v k=v}, in plan order. */
  private static List<String> rows(Plan plan) {
    List<String> rows = new ArrayList<>();
    for (Cell cell : plan.cells()) {
      List<String> parts = new ArrayList<>();
      cell.params().forEach((k, v) -> parts.add(k + "=" + xyz.study.Values.label(v)));
      rows.add(String.join(" ", parts));
    }
    return rows;
  }

  @Test
  void methodsVarySlowestAndTheLastControlFastest() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [a, b]
        datasets: [d1, d2]
        controls:
          p: [0, 0.5]
          seed: {range: [3], replicate: true}
        """));

    assertThat(plan.size()).isEqualTo(24);
    assertThat(plan.gridSize()).isEqualTo(24);
    assertThat(rows(plan)).startsWith(
        "method=a dataset=d1 p=0 seed=0",
        "method=a dataset=d1 p=0 seed=1",
        "method=a dataset=d1 p=0 seed=2",
        "method=a dataset=d1 p=0.5 seed=0");
    assertThat(rows(plan).subList(5, 7)).containsExactly(
        "method=a dataset=d1 p=0.5 seed=2",
        "method=a dataset=d2 p=0 seed=0");
    assertThat(rows(plan)).endsWith(
        "method=b dataset=d2 p=0.5 seed=1",
        "method=b dataset=d2 p=0.5 seed=2");
    assertThat(plan.cells()).extracting(Cell::index)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24).boxed().toList());
    assertThat(plan.levelCounts()).containsExactly(Map.entry("method", 2),
        Map.entry("dataset", 2), Map.entry("p", 2), Map.entry("seed", 3));
  }

  @Test
  void valuesKeepTheirTypes() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [a]
        datasets: [d1]
        controls:
          p: [0.5]
          n: [3]
          flag: [true]
          mode: ['1']
        """));

    Map<String, Object> params = plan.cells().get(0).params();
    assertThat(params).containsExactly(Map.entry("method", "a"), Map.entry("dataset", "d1"),
        Map.entry("p", 0.5), Map.entry("n", 3L), Map.entry("flag", true), Map.entry("mode", "1"));
    assertThat(params).isEqualTo(new LinkedHashMap<>(params)).hasSameHashCodeAs(Map.copyOf(params));
    assertThat(params.get("missing")).isNull();
    assertThat(params.containsKey("n")).isTrue();
  }

  @Test
  void aZipGroupVariesTogetherAtItsFirstMembersPlace() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [a]
        datasets: [d1]
        controls:
          lr: [1, 2, 3]
          p: [0, 1]
          w: [x, y, z]
        zip:
          - [lr, w]
        """));

    assertThat(rows(plan)).containsExactly(
        "method=a dataset=d1 lr=1 p=0 w=x",
        "method=a dataset=d1 lr=1 p=1 w=x",
        "method=a dataset=d1 lr=2 p=0 w=y",
        "method=a dataset=d1 lr=2 p=1 w=y",
        "method=a dataset=d1 lr=3 p=0 w=z",
        "method=a dataset=d1 lr=3 p=1 w=z");
  }

  @Test
  void aZipGroupListedLastFirstSitsAtThatMembersPlace() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [a]
        datasets: [d1]
        controls:
          lr: [1, 2]
          p: [0, 1]
          w: [x, y]
        zip:
          - [w, lr]
        """));

    assertThat(rows(plan)).containsExactly(
        "method=a dataset=d1 lr=1 p=0 w=x",
        "method=a dataset=d1 lr=2 p=0 w=y",
        "method=a dataset=d1 lr=1 p=1 w=x",
        "method=a dataset=d1 lr=2 p=1 w=y");
  }

  @Test
  void methodControlsAppearOnlyInTheirMethodsCells() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods:
          - logreg
          - name: forest
            controls:
              trees: [50, 100]
          - name: boost
            controls:
              trees: [10]
              depth: [2, 3]
        datasets: [iris]
        controls:
          p: [0, 0.2]
        """));

    assertThat(rows(plan)).containsExactly(
        "method=logreg dataset=iris p=0",
        "method=logreg dataset=iris p=0.2",
        "method=forest dataset=iris p=0 trees=50",
        "method=forest dataset=iris p=0 trees=100",
        "method=forest dataset=iris p=0.2 trees=50",
        "method=forest dataset=iris p=0.2 trees=100",
        "method=boost dataset=iris p=0 trees=10 depth=2",
        "method=boost dataset=iris p=0 trees=10 depth=3",
        "method=boost dataset=iris p=0.2 trees=10 depth=2",
        "method=boost dataset=iris p=0.2 trees=10 depth=3");
  }

  @Test
  void zippedMethodControls() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods:
          - plain
          - name: net
            controls:
              lr: [0.1, 0.01]
              batch: [32, 64]
        datasets: [d]
        zip: [[lr, batch]]
        """));

    assertThat(rows(plan)).containsExactly(
        "method=plain dataset=d",
        "method=net dataset=d lr=0.1 batch=32",
        "method=net dataset=d lr=0.01 batch=64");
  }

  @Test
  void exclusionsAreCountedPerRuleForTheFirstRuleThatMatches() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [logreg, svm, tree]
        datasets: [iris, digits]
        controls:
          p: [0, 0.4, 0.8]
        exclude:
          - "method == 'svm' and dataset == 'digits'"
          - where: "p > 0.5 and method in ['logreg', 'svm']"
            because: not informative
        """));

    assertThat(plan.gridSize()).isEqualTo(18);
    assertThat(plan.exclusions()).containsExactly(
        new Plan.Excluded("method == 'svm' and dataset == 'digits'", null, 3),
        new Plan.Excluded("p > 0.5 and method in ['logreg', 'svm']", "not informative", 3));
    assertThat(plan.excluded()).isEqualTo(6);
    assertThat(plan.size()).isEqualTo(12);
    assertThat(rows(plan)).doesNotContain("method=svm dataset=digits p=0",
        "method=logreg dataset=iris p=0.8").contains("method=tree dataset=digits p=0.8");
    assertThat(plan.cells().get(11).index()).isEqualTo(11);
  }

  @Test
  void aConditionOnAnotherMethodsControlIsFalse() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods:
          - logreg
          - name: forest
            controls:
              trees: [50, 100]
        datasets: [iris]
        exclude:
          - trees > 60
          - not trees < 60
        """));

    assertThat(rows(plan)).containsExactly("method=forest dataset=iris trees=50");
    assertThat(plan.exclusions()).extracting(Plan.Excluded::cells).containsExactly(1L, 1L);
  }

  @Test
  void drawsAreCrossedWithTheRestOfTheGrid() {
    Study study = TestStudies.parse("""
        methods: [a, b]
        datasets: [d1]
        controls:
          dropout: {uniform: [0, 0.5]}
          seed: [0, 1]
          opt: {choice: [sgd, adam]}
        draws: {n: 3, seed: 7}
        """);
    Plan plan = Planner.plan(study);

    assertThat(plan.size()).isEqualTo(2 * 3 * 2);
    List<Object> dropouts = study.axis("dropout").orElseThrow().levels();
    assertThat(dropouts).hasSize(3);
    assertThat(plan.cells().subList(0, 6)).extracting(c -> c.params().get("dropout"))
        .containsExactly(dropouts.get(0), dropouts.get(0), dropouts.get(1), dropouts.get(1),
            dropouts.get(2), dropouts.get(2));
    assertThat(plan.cells().subList(0, 2)).extracting(c -> c.params().get("seed"))
        .containsExactly(0L, 1L);
    // The draws of the two methods are the same points.
    assertThat(plan.cells().subList(6, 12)).extracting(c -> c.params().get("dropout"))
        .containsExactlyElementsOf(plan.cells().subList(0, 6).stream()
            .map(c -> c.params().get("dropout")).toList());
  }

  @Test
  void repeatedDrawsMakeOneCell() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [a]
        datasets: [d1]
        controls:
          opt: {choice: [sgd, adam]}
        draws: {n: 20, seed: 1}
        """));

    assertThat(rows(plan)).containsExactlyInAnyOrder("method=a dataset=d1 opt=sgd",
        "method=a dataset=d1 opt=adam");
    assertThat(plan.cells()).extracting(Cell::id).doesNotHaveDuplicates();
  }

  @Test
  void everyCellHasItsOwnId() {
    Plan plan = Planner.plan(TestStudies.parse("""
        methods: [a, b, c]
        datasets: [d1, d2, d3]
        controls:
          p: {linspace: [0, 1, 11]}
          seed: {range: [10], replicate: true}
          flag: [true, false]
        """));

    assertThat(plan.size()).isEqualTo(3 * 3 * 11 * 10 * 2);
    assertThat(plan.cells()).extracting(Cell::id).doesNotHaveDuplicates()
        .allMatch(id -> CellIds.FORMAT.matcher(id).matches());
    assertThat(plan.cells()).allSatisfy(c ->
        assertThat(c.id()).isEqualTo(CellIds.of("builtin:demo#1", c.params())));
  }

  @Test
  void theGridVisitsTheCellsOfThePlanInOrder() {
    Study study = TestStudies.parse("""
        methods:
          - a
          - name: b
            controls:
              k: [1, 2]
        controls:
          p: [0, 1, 2]
        exclude:
          - p == 1
        """);
    List<Map<String, Object>> visited = new ArrayList<>();

    study.grid().forEachCell(visited::add);

    assertThat(visited).hasSize(12)
        .containsExactlyElementsOf(Planner.plan(study).cells().stream().map(Cell::params)
            .toList());
  }

  @Test
  void idsCanBeReadWithoutTheCells() {
    Plan plan = Planner.plan(TestStudies.parse("controls:\n  p: [0, 1, 2]\nexclude: [p == 1]\n"));

    assertThat(plan.ids()).hasSize(8)
        .containsExactlyElementsOf(plan.cells().stream().map(Cell::id).toList());
    assertThat(plan.cells().get(7)).isEqualTo(plan.cells().get(7));
    assertThatThrownBy(() -> plan.cells().get(8)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> plan.ids().get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aMethodsOwnRandomControlIsDrawnForThatMethod() {
    Study study = TestStudies.parse("""
        methods:
          - a
          - name: b
            controls:
              x: {uniform: [0, 1]}
        datasets: [d1, d2]
        controls:
          opt: {choice: [sgd, adam, rmsprop, adagrad]}
        draws: {n: 3, seed: 11}
        """);

    Plan plan = Planner.plan(study);

    List<Cell> a = plan.cells().stream().filter(c -> c.params().get("method").equals("a"))
        .toList();
    List<Cell> b = plan.cells().stream().filter(c -> c.params().get("method").equals("b"))
        .toList();
    assertThat(a).allSatisfy(c -> assertThat(c.params()).doesNotContainKey("x"));
    assertThat(b).hasSize(2 * 3).allSatisfy(c -> assertThat(c.params()).containsKey("x"));
    assertThat(study.axis("x").orElseThrow().methods()).containsExactly("b");
    assertThat(b.subList(0, 3)).extracting(c -> c.params().get("x"))
        .containsExactlyElementsOf(study.axis("x").orElseThrow().levels());
    // The study-wide draws are the same points for both methods: method a sees them without x,
    // so its repeated draws of opt make one cell each.
    List<Object> optOfB = b.subList(0, 3).stream().map(c -> c.params().get("opt")).toList();
    assertThat(a.subList(0, a.size() / 2)).extracting(c -> c.params().get("opt"))
        .containsExactlyElementsOf(optOfB.stream().distinct().toList());
  }

  @Test
  void aGridOfAnotherKindIsPlannedThroughItsCells() {
    Study parsed = TestStudies.parse("methods: [a]\ndatasets: [d1]\n");
    xyz.study.Grid grid = visitor -> {
      visitor.accept(Map.of("method", "a", "dataset", "d1"));
      visitor.accept(Map.of("method", "a", "dataset", "d2"));
    };
    Study study = new Study(parsed.name(), parsed.file(), parsed.resultsDir(), parsed.axes(),
        parsed.observables(), parsed.experiment(), parsed.executor(), parsed.figures(), grid);

    Plan plan = Planner.plan(study);

    assertThat(plan.cells()).extracting(Cell::id).containsExactly(
        CellIds.of("builtin:demo#1", Map.of("method", "a", "dataset", "d1")),
        CellIds.of("builtin:demo#1", Map.of("method", "a", "dataset", "d2")));
    assertThat(plan.gridSize()).isEqualTo(2);
  }

  @Test
  void aGridTooLargeToHoldIsAUserError() {
    Study study = TestStudies.parse("""
        controls:
          x: {range: [1000]}
          y: {range: [1000]}
          z: {range: [10]}
        """);

    UserError e = catchThrowableOfType(UserError.class, () -> Planner.plan(study));

    assertThat(e.getMessage()).isEqualTo("study.yaml: the study's grid has 40,000,000 cells; a "
        + "plan holds at most 20,000,000.\n  fix: split it into several studies, or exclude "
        + "cells with `exclude`");
    assertThat(study.file()).isEqualTo(Path.of("study.yaml"));
  }

  @Test
  void aHugeGridIsRefusedEvenWithExclusions() {
    Study study = TestStudies.parse("""
        controls:
          x: {range: [1000]}
          y: {range: [1000]}
          z: {range: [100]}
        exclude: [x > 0]
        """);

    UserError e = catchThrowableOfType(UserError.class, () -> Planner.plan(study));

    assertThat(e.getMessage()).isEqualTo("study.yaml: the study's grid has 400,000,000 cells "
        + "before exclusions; xyz expands at most 200,000,000.\n  fix: split it into several "
        + "studies, with fewer levels each");
  }

  @Test
  void aGridThatOverflowsIsRefused() {
    Study study = TestStudies.parse("""
        controls:
          a: {range: [1000000]}
          b: {range: [1000000]}
          c: {range: [1000000]}
          d: {range: [10]}
        """);

    UserError e = catchThrowableOfType(UserError.class, () -> Planner.plan(study));

    assertThat(e.getMessage()).startsWith("study.yaml: the study's grid has more than 9e18 "
        + "cells;");
  }
}
