package xyz.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings of one collect, safe to add to from several threads. A warning that would repeat
 * for many cells is given a key: it is reported once, with the count of the others like it.
 */
final class Warnings {
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private static final class Entry {
    final String message;
    int more;

    Entry(String message) {
      this.message = message;
    }
  }

  /** Adds a warning of its own. */
  synchronized void add(String message) {
    entries.put("\u0000" + entries.size(), new Entry(message));
  }

  /** Adds a warning of a kind; only the first of each kind is spelled out. */
  synchronized void add(String kind, String message) {
    Entry e = entries.get(kind);
    if (e == null) {
      entries.put(kind, new Entry(message));
    } else {
      e.more++;
    }
  }

  /** The warnings, one line each, in the order they were first added. */
  synchronized List<String> lines() {
    List<String> lines = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      lines.add(e.more == 0 ? e.message : e.message + " (and " + e.more + " more like it)");
    }
    return lines;
  }
}
