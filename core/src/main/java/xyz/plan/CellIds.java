package xyz.plan;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import xyz.study.Values;

/**
 * Stable cell ids: {@code c} and the first 16 hex digits of the SHA-256 of a canonical text made
 * of the experiment's identity and the cell's parameters sorted by name.
 *
 * <p>The canonical text is UTF-8, one line per part:
 *
 * <pre>
 * xyz-cell/1
 * experiment=IDENTITY
 * NAME=LABEL          (one line per parameter, by name)
 * </pre>
 *
 * where each name and value has {@code \}, {@code =}, line feed and carriage return escaped
 * with a backslash, and a value is written as its {@link Values#label}. So an id depends on the
 * parameters of its own cell only: adding a dataset or a seed leaves the ids of existing cells
 * as they were, while a new {@code version} of the experiment changes them all. The leading
 * letter keeps spreadsheets and data frames from reading an id as a number.
 */
public final class CellIds {
  /** What every id looks like. */
  public static final Pattern FORMAT = Pattern.compile("c[0-9a-f]{16}");

  private static final String HEADER = "xyz-cell/1\n";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CellIds() {}

  /**
   * The id of one cell.
   *
   * @param identity the experiment's identity ({@link xyz.study.ExperimentSpec#identity()})
   * @param params the cell's parameters, by axis name
   * @return the id, such as {@code c3f9a0b1c2d3e4f50}
   */
  public static String of(String identity, Map<String, ?> params) {
    List<String> keys = new ArrayList<>(params.keySet());
    String[] labels = new String[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      labels[i] = Values.label(params.get(keys.get(i)));
    }
    return hasher(identity, keys).id(labels);
  }

  /** The canonical text whose hash is the id, for checking ids by hand. */
  public static String canonicalText(String identity, Map<String, ?> params) {
    List<String> keys = new ArrayList<>(params.keySet());
    Collections.sort(keys);
    StringBuilder text = new StringBuilder(HEADER).append("experiment=")
        .append(escape(identity)).append('\n');
    for (String key : keys) {
      text.append(escape(key)).append('=').append(escape(Values.label(params.get(key))))
          .append('\n');
    }
    return text.toString();
  }

  /**
   * A reusable id maker for many cells with the same parameter names, such as all cells of one
   * method. Not safe for use by several threads at once.
   *
   * @param identity the experiment's identity
   * @param keys the parameter names, in the order the labels will be given
   */
  public static Hasher hasher(String identity, List<String> keys) {
    return new Hasher(identity, keys);
  }

  /** Makes the ids of cells whose parameters share one list of names. */
  public static final class Hasher {
    private final MessageDigest digest = sha256();
    private final byte[] head;
    private final int[] order;
    private final byte[][] names;
    private final byte[] hash = new byte[32];
    private byte[] text = new byte[256];

    private Hasher(String identity, List<String> keys) {
      Integer[] sorted = new Integer[keys.size()];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = i;
      }
      Arrays.sort(sorted, (a, b) -> keys.get(a).compareTo(keys.get(b)));
      order = new int[sorted.length];
      names = new byte[sorted.length][];
      for (int i = 0; i < sorted.length; i++) {
        order[i] = sorted[i];
        names[i] = (escape(keys.get(sorted[i])) + "=").getBytes(StandardCharsets.UTF_8);
      }
      head = (HEADER + "experiment=" + escape(identity) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The id of a cell.
     *
     * @param labels the labels of its parameters, in the order of the keys given
     */
    public String id(String[] labels) {
      return format(hash(labels));
    }

    /**
     * The id of a cell as a number: the first 8 bytes of its hash, which {@link #format} writes
     * as the id. A plan keeps its ids this way, 8 bytes a cell.
     *
     * @param labels the labels of its parameters, in the order of the keys given
     */
    public long hash(String[] labels) {
      // The canonical text goes straight into a reused byte buffer: planning a million cells
      // is mostly this loop, and building strings for it cost more than the hash itself.
      int at = 0;
      for (int i = 0; i < order.length; i++) {
        at = put(names[i], at);
        at = putEscaped(labels[order[i]], at);
        at = put(NEWLINE, at);
      }
      digest.update(head);
      digest.update(text, 0, at);
      try {
        digest.digest(hash, 0, hash.length);
      } catch (DigestException e) {
        throw new IllegalStateException("a SHA-256 hash is 32 bytes", e);
      }
      long prefix = 0;
      for (int i = 0; i < 8; i++) {
        prefix = (prefix << 8) | (hash[i] & 0xff);
      }
      return prefix;
    }

    private int put(byte[] bytes, int at) {
      ensure(at + bytes.length);
      System.arraycopy(bytes, 0, text, at, bytes.length);
      return at + bytes.length;
    }

    private int putEscaped(String label, int at) {
      ensure(at + 2 * label.length());
      int start = at;
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (c >= 0x80) {
          return put(escape(label).getBytes(StandardCharsets.UTF_8), start);
        }
        if (c == '\\' || c == '=' || c == '\n' || c == '\r') {
          text[at++] = '\\';
          c = c == '\n' ? 'n' : c == '\r' ? 'r' : c;
        }
        text[at++] = (byte) c;
      }
      return at;
    }

    private void ensure(int size) {
      if (size > text.length) {
        text = Arrays.copyOf(text, Math.max(size, 2 * text.length));
      }
    }
  }

  private static final byte[] NEWLINE = {'\n'};

  /** The id of a hash prefix made by {@link Hasher#hash}: {@code c} and 16 hex digits. */
  public static String format(long hash) {
    byte[] id = new byte[17];
    id[0] = 'c';
    for (int i = 16; i >= 1; i--) {
      id[i] = (byte) HEX[(int) (hash & 0xf)];
      hash >>>= 4;
    }
    return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    appendEscaped(out, text);
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '=' -> out.append("\\=");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
