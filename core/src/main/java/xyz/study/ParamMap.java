package xyz.study;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The parameters of one cell: an immutable map over a key array shared by every cell of a
 * method and a value array of its own, so that a million cells cost a million small arrays
 * rather than a million hash maps.
 */
final class ParamMap extends AbstractMap<String, Object> {
  private final String[] keys;
  private final Object[] values;

  /** Takes both arrays as they are; the caller must not change them afterwards. */
  ParamMap(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public Object get(Object key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (String k : keys) {
      if (k.equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> entry = Map.entry(keys[next], values[next]);
            next++;
            return entry;
          }
        };
      }
    };
  }
}
