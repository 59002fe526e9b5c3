package xyz.ml.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import xyz.UserError;
import xyz.study.Suggestions;

/**
 * The classification datasets shipped inside xyz, by the names study files use. Each is read from
 * its original file once per JVM and then shared.
 */
public final class Datasets {

  /** Where the files lie on the class path; their sources are told in the README there. */
  public static final String RESOURCE_FOLDER = "/xyz/ml/datasets/";

  private static final Map<String, Entry> ENTRIES = entries();
  private static final Map<String, ClassificationData> LOADED = new ConcurrentHashMap<>();

  private Datasets() {}

  /** The valid dataset names, in the order the README lists them. */
  public static List<String> names() {
    return List.copyOf(ENTRIES.keySet());
  }

  /** The file name of a dataset, relative to {@link #RESOURCE_FOLDER}. */
  public static String file(String name) {
    return entry(name).file();
  }

  /**
   * The dataset called {@code name}.
   *
   * @throws UserError when no dataset has that name; the message names the nearest one
   */
  public static ClassificationData load(String name) {
    Entry entry = entry(name);
    return LOADED.computeIfAbsent(entry.name(), n -> read(entry));
  }

  private static Entry entry(String name) {
    Entry entry = ENTRIES.get(name);
    if (entry == null) {
      List<String> near = Suggestions.nearest(name, names());
      throw new UserError("datasets: unknown dataset '" + name + "'"
          + Suggestions.hint(name, names()) + "\n  fix: " + (near.isEmpty()
              ? "list only valid datasets" : "replace '" + name + "' with '" + near.get(0) + "'")
          + " in the study's `datasets`");
    }
    return entry;
  }

  private static ClassificationData read(Entry entry) {
    String path = RESOURCE_FOLDER + entry.file();
    try (InputStream raw = Datasets.class.getResourceAsStream(path)) {
      if (raw == null) {
        throw new IllegalStateException(path + " is missing from the class path");
      }
      InputStream in = entry.file().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return entry.reader().read(entry.name(), entry.file(), reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static Map<String, Entry> entries() {
    Map<String, Entry> map = new LinkedHashMap<>();
    add(map, "iris", "iris.csv", SklearnCsv::readWithHeader);
    add(map, "wine", "wine_data.csv", SklearnCsv::readWithHeader);
    add(map, "breast_cancer", "breast_cancer.csv", SklearnCsv::readWithHeader);
    // The digits file has no header: 1797 images of 8x8 pixels, then the digit.
    List<String> digits = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    add(map, "digits", "digits.csv.gz",
        (name, file, in) -> SklearnCsv.readHeaderless(name, file, in, 1797, 64, digits));
    add(map, "penguins", "penguins.csv", PenguinsCsv::read);
    return map;
  }

  private static void add(Map<String, Entry> map, String name, String file, Reader reader) {
    map.put(name, new Entry(name, file, reader));
  }

  private record Entry(String name, String file, Reader reader) {}

  /** Turns one dataset file into data. */
  @FunctionalInterface
  private interface Reader {
    ClassificationData read(String name, String file, BufferedReader in) throws IOException;
  }
}
