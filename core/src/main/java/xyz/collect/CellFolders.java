package xyz.collect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the cell folders of a results folder's {@code cells/}. */
final class CellFolders {
  private CellFolders() {}

  /**
   * The folders that may be cells, sorted by name. Plain files, hidden names (temporary folders
   * being moved into place start with a dot) and {@code work} are not cells.
   */
  static List<Path> list(Path cellsDir) throws IOException {
    List<Path> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(cellsDir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && !name.equals("work") && Files.isDirectory(entry)) {
          folders.add(entry);
        }
      }
    }
    folders.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return folders;
  }
}
