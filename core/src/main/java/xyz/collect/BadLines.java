package xyz.collect;

import java.util.List;

/**
 * The lines of one cell's {@code observations.jsonl} that collect could not read. Their rows are
 * left out; every other line of the file is kept.
 *
 * @param count how many lines were bad
 * @param reasons the first few, each as {@code line N: why}
 */
public record BadLines(int count, List<String> reasons) {

  /** Freezes the list. */
  public BadLines {
    reasons = List.copyOf(reasons);
  }
}
