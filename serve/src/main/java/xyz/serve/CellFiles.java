package xyz.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import xyz.plan.CellIds;
import xyz.store.ResultsFolder;

/**
 * One cell as its folder holds it: parameters, status, provenance, and the last part of its
 * standard output and error. Only ids of the study's plan are read, and only files inside the
 * results folder: a link that leads outside it is not followed.
 */
final class CellFiles {
  /** How much of the end of stdout and stderr is shown. */
  static final int TAIL_BYTES = 16 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CellFiles() {}

  /** The cell's answer, as {@code doc/explorer.md} describes it. */
  static ObjectNode read(StudyData data, String id) {
    if (!CellIds.FORMAT.matcher(id).matches()) {
      throw new BadRequest("'" + Params.shown(id) + "' is not a cell id\n  valid: c and 16"
          + " hexadecimal digits, such as c3f9a0b1c2d3e4f50\n  fix: take the id from the list of"
          + " a panel's cells");
    }
    if (!data.planned(id)) {
      throw new BadRequest(404, "the study has no cell " + id + "\n  fix: take the id from the"
          + " list of a panel's cells");
    }
    ResultsFolder folder = data.folder();
    Path dir = folder.cell(id);
    boolean running = false;
    Path work = running(folder, id);
    if (work != null) {
      dir = work;
      running = true;
    }
    ObjectNode out = JSON.objectNode();
    out.put("id", id);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      out.put("state", "not run");
      return out;
    }
    Path root = real(folder.root());
    JsonNode params = json(root, dir.resolve(ResultsFolder.PARAMS));
    JsonNode status = running ? null : json(root, dir.resolve(ResultsFolder.STATUS));
    out.put("state", running ? "running" : status != null && status.hasNonNull("state")
        ? status.get("state").asText() : "not ended");
    out.set("params", params != null && params.has("params") ? params.get("params")
        : JSON.objectNode());
    out.set("status", status);
    out.set("provenance", running ? null : json(root, dir.resolve(ResultsFolder.PROVENANCE)));
    out.set("stdout", tail(root, dir.resolve(ResultsFolder.STDOUT)));
    out.set("stderr", tail(root, dir.resolve(ResultsFolder.STDERR)));
    return out;
  }

  private static Path running(ResultsFolder folder, String id) {
    Path work = folder.root().resolve("work");
    if (!Files.isDirectory(work)) {
      return null;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(work, id + "-*")) {
      for (Path dir : dirs) {
        return dir;
      }
    } catch (IOException e) {
      // The attempt just ended: its folder moved to cells/.
    }
    return null;
  }

  /** The file's real path if it lies inside the results folder, else null. */
  private static Path inside(Path root, Path file) {
    if (root == null || !Files.isRegularFile(file)) {
      return null;
    }
    Path real = real(file);
    return real != null && real.startsWith(root) ? real : null;
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static JsonNode json(Path root, Path file) {
    Path real = inside(root, file);
    if (real == null) {
      return null;
    }
    try {
      return MAPPER.readTree(real.toFile());
    } catch (IOException e) {
      return JSON.textNode("cannot be read: " + e.getMessage());
    }
  }

  /** The last {@link #TAIL_BYTES} of a text file, and whether the start was cut. */
  private static ObjectNode tail(Path root, Path file) {
    Path real = inside(root, file);
    ObjectNode out = JSON.objectNode();
    if (real == null) {
      out.put("text", "");
      out.put("bytes", 0);
      out.put("cut", false);
      return out;
    }
    try (RandomAccessFile f = new RandomAccessFile(real.toFile(), "r")) {
      long size = f.length();
      int n = (int) Math.min(size, TAIL_BYTES);
      byte[] bytes = new byte[n];
      f.seek(size - n);
      f.readFully(bytes);
      int from = 0;
      // Start at a whole UTF-8 character, not in the middle of one.
      while (size > n && from < Math.min(4, n) && (bytes[from] & 0xC0) == 0x80) {
        from++;
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, from, n - from)).toString();
      out.put("text", text);
      out.put("bytes", size);
      out.put("cut", size > n);
    } catch (IOException e) {
      out.put("text", "");
      out.put("bytes", 0);
      out.put("cut", false);
      out.put("error", "cannot be read: " + e.getMessage());
    }
    return out;
  }
}
