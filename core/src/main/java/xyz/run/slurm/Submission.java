package xyz.run.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import xyz.store.AtomicFiles;

/**
 * One {@code xyz run} sent to Slurm, kept in the results folder under {@code slurm/NNN/}: the
 * cells of each array task ({@code tasks.txt}, one line per task), the scripts submitted, the
 * tasks' logs and {@code submission.json} with the job ids. A worker reads its task's line; status
 * and resume read the job ids.
 *
 * @param dir the submission's folder
 * @param submitted when it was submitted; a cell's status older than this is from before
 * @param cellsPerTask the cells each task runs
 * @param tasks the cell ids of each task, in task order
 * @param arrays the arrays submitted, in task order
 */
public record Submission(
    Path dir, Instant submitted, int cellsPerTask, List<List<String>> tasks, List<Array> arrays) {

  /** The file of the cells of each task. */
  public static final String TASKS = "tasks.txt";
  /** The file of the job ids. */
  public static final String RECORD = "submission.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One array job: tasks {@code offset} to {@code offset + size - 1} of the submission, which the
   * array numbers from 0.
   *
   * @param jobId the job id sbatch gave, or null before submission
   * @param offset the submission's index of the array's task 0
   * @param size the array's task count
   * @param script the batch script's file name in the submission folder
   */
  public record Array(String jobId, int offset, int size, String script) {
    /** The same array with the job id sbatch gave. */
    public Array submitted(String id) {
      return new Array(id, offset, size, script);
    }
  }

  /** The folder of every submission of a results folder. */
  public static Path root(Path results) {
    return results.resolve("slurm");
  }

  /** A new, empty submission folder under {@code slurm/}, numbered after the last one. */
  public static Path newFolder(Path results) throws IOException {
    Path root = root(results);
    Files.createDirectories(root);
    for (int n = count(root) + 1; ; n++) {
      try {
        return Files.createDirectory(root.resolve(String.format(Locale.ROOT, "%03d", n)));
      } catch (FileAlreadyExistsException e) {
        // Another xyz run took this number a moment ago: take the next one.
      }
    }
  }

  private static int count(Path root) throws IOException {
    try (var dirs = Files.list(root)) {
      return (int) dirs.filter(Files::isDirectory).count();
    }
  }

  /** The task lines of a submission folder, written before the first array is submitted. */
  public static void writeTasks(Path dir, List<List<String>> tasks) throws IOException {
    StringBuilder b = new StringBuilder(tasks.size() * 20);
    for (List<String> task : tasks) {
      b.append(String.join(" ", task)).append('\n');
    }
    AtomicFiles.write(dir.resolve(TASKS), b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cell ids of task {@code index} of the submission in {@code dir}. */
  public static List<String> readTask(Path dir, int index) throws IOException {
    try (var lines = Files.lines(dir.resolve(TASKS), StandardCharsets.UTF_8)) {
      String line = lines.skip(index).findFirst().orElse(null);
      if (line == null) {
        throw new IOException(dir.resolve(TASKS) + " has no task " + index);
      }
      return line.isBlank() ? List.of() : List.of(line.strip().split(" "));
    }
  }

  /** Writes {@code submission.json}; called after every sbatch, so a failure keeps the ids. */
  public void write() throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("submitted", submitted.toString());
    n.put("cells_per_task", cellsPerTask);
    n.put("tasks", tasks.size());
    ArrayNode arr = n.putArray("arrays");
    for (Array a : arrays) {
      ObjectNode o = arr.addObject();
      o.put("job_id", a.jobId());
      o.put("offset", a.offset());
      o.put("size", a.size());
      o.put("script", a.script());
    }
    AtomicFiles.write(dir.resolve(RECORD), JSON.writeValueAsBytes(n));
  }

  /** Every submission of a results folder that reached sbatch, oldest first. */
  public static List<Submission> readAll(Path results) {
    List<Submission> out = new ArrayList<>();
    Path root = root(results);
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (var dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        if (Files.exists(dir.resolve(RECORD))) {
          out.add(read(dir));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the submissions in " + root, e);
    }
    return out;
  }

  private static Submission read(Path dir) throws IOException {
    JsonNode n = JSON.readTree(dir.resolve(RECORD).toFile());
    List<Array> arrays = new ArrayList<>();
    for (JsonNode a : n.path("arrays")) {
      arrays.add(new Array(a.hasNonNull("job_id") ? a.get("job_id").asText() : null,
          a.path("offset").asInt(), a.path("size").asInt(), a.path("script").asText()));
    }
    List<List<String>> tasks = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(TASKS), StandardCharsets.UTF_8)) {
      tasks.add(line.isBlank() ? List.of() : List.of(line.strip().split(" ")));
    }
    return new Submission(dir, Instant.parse(n.path("submitted").asText()),
        n.path("cells_per_task").asInt(1), tasks, arrays);
  }

  /** The job ids sbatch gave. */
  public List<String> jobIds() {
    List<String> out = new ArrayList<>();
    for (Array a : arrays) {
      if (a.jobId() != null) {
        out.add(a.jobId());
      }
    }
    return out;
  }
}
