package xyz.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.plan.Cell;

/**
 * What a writer killed at each point of storing a cell leaves under {@code work/}, and how the
 * next run puts it right. The states are made with the store's own calls, then left as the kill
 * leaves them: the writers are real processes of this host that have ended (or still run).
 */
class ResultsFolderRecoveryTest {
  @TempDir Path tmp;

  private ResultsFolder folder;
  private long dead;
  private Process alive;

  @BeforeEach
  void writers() throws Exception {
    folder = new ResultsFolder(tmp.resolve("results"));
    Process ended = new ProcessBuilder("true").start();
    assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
    dead = ended.pid();
    alive = new ProcessBuilder("sleep", "60").start();
  }

  @AfterEach
  void stop() {
    alive.destroyForcibly();
  }

  @Test
  void aKillBetweenTheTwoMovesKeepsTheNewerAttempt() throws Exception {
    store(cell("c0000000000000001"), 1);
    Files.move(folder.cell("c0000000000000001"), named(dead, ".c0000000000000001.old-17"));
    Path newer = asOf(dead, attempt(cell("c0000000000000001"), 2, true));

    ResultsFolder.Recovery r = folder.recover();

    assertThat(r).isEqualTo(new ResultsFolder.Recovery(1, 0));
    assertThat(folder.status("c0000000000000001").orElseThrow().attempt()).isEqualTo(2);
    assertThat(Files.exists(newer)).isFalse();
    assertThat(work()).isEmpty();
  }

  @Test
  void anEarlierAttemptMovedAsideWithNoNewerOneIsMovedBack() throws Exception {
    store(cell("c0000000000000002"), 1);
    Files.move(folder.cell("c0000000000000002"), named(dead, ".c0000000000000002.old-99"));
    asOf(dead, attempt(cell("c0000000000000002"), 2, false));

    ResultsFolder.Recovery r = folder.recover();

    assertThat(r).isEqualTo(new ResultsFolder.Recovery(1, 1));
    assertThat(folder.status("c0000000000000002").orElseThrow().attempt()).isEqualTo(1);
    assertThat(work()).isEmpty();
  }

  @Test
  void unfinishedAttemptsOfDeadWritersAreRemovedAndOthersAreLeftAlone() throws Exception {
    store(cell("c0000000000000003"), 1);
    asOf(dead, attempt(cell("c0000000000000003"), 2, true));
    asOf(dead, attempt(cell("c0000000000000004"), 1, false));
    Path running = asOf(alive.pid(), attempt(cell("c0000000000000005"), 1, false));
    Path elsewhere = folder.work().resolve("c0000000000000006-x-" + dead + "@another-host");
    Files.move(asOf(dead, attempt(cell("c0000000000000006"), 1, true)), elsewhere);
    Path older = folder.work().resolve("c0000000000000007-x");
    Files.createDirectory(older);

    ResultsFolder.Recovery r = folder.recover();

    assertThat(r).isEqualTo(new ResultsFolder.Recovery(0, 2));
    assertThat(folder.status("c0000000000000003").orElseThrow().attempt()).isEqualTo(1);
    assertThat(folder.statuses()).containsOnlyKeys("c0000000000000003");
    assertThat(work()).containsExactlyInAnyOrder(
        running.getFileName().toString(), elsewhere.getFileName().toString(),
        "c0000000000000007-x");
  }

  @Test
  void aRunningWritersCellsAreNeverTouched() throws Exception {
    Path mine = folder.begin(cell("c0000000000000008"));
    assertThat(mine.getFileName().toString())
        .endsWith("-" + ResultsFolder.owner(ProcessHandle.current().pid()));
    Path theirs = asOf(alive.pid(), ".c0000000000000009.old-5");

    assertThat(folder.recover()).isEqualTo(new ResultsFolder.Recovery(0, 0));
    assertThat(work()).contains(theirs.getFileName().toString());
  }

  private static Cell cell(String id) {
    return new Cell(id, 0, Map.of("method", "m", "dataset", "d"));
  }

  private void store(Cell cell, int attempt) throws Exception {
    folder.finish(folder.begin(cell), status(cell, attempt), provenance());
  }

  /** Makes an attempt's folder as {@code begin} and {@code finish} do; returns its name. */
  private String attempt(Cell cell, int attempt, boolean ended) throws Exception {
    Path dir = folder.begin(cell);
    Files.writeString(dir.resolve(ResultsFolder.OBSERVATIONS), "{\"v\": " + attempt + "}\n");
    if (ended) {
      Files.write(dir.resolve(ResultsFolder.STATUS),
          ("{\"cell_id\": \"" + cell.id() + "\", \"state\": \"done\", \"attempt\": " + attempt
              + "}").getBytes());
    }
    return dir.getFileName().toString();
  }

  /** The folder under work/ that the process {@code pid} names {@code base}. */
  private Path named(long pid, String base) {
    return folder.work().resolve(base + "-" + ResultsFolder.owner(pid));
  }

  /**
   * Renames a folder of this process under work/ as if the process {@code pid} had written it,
   * or makes an empty one of that name.
   */
  private Path asOf(long pid, String name) throws Exception {
    String mine = "-" + ResultsFolder.owner(ProcessHandle.current().pid());
    Path from = folder.work().resolve(name);
    if (!name.endsWith(mine)) {
      return Files.createDirectories(named(pid, name));
    }
    Path to = named(pid, name.substring(0, name.length() - mine.length()));
    Files.move(from, to);
    return to;
  }

  private List<String> work() throws Exception {
    try (Stream<Path> s = Files.list(folder.work())) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static CellStatus status(Cell cell, int attempt) {
    Instant now = Instant.now();
    return new CellStatus(cell.id(), CellState.DONE, 0, null, attempt, now, now, "h", null);
  }

  private static Provenance provenance() {
    return new Provenance(null, null, "h", "u", "j", "o", 1, "dev", "e", "x");
  }
}
