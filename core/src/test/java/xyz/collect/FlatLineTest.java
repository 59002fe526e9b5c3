package xyz.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flat-line reader must never change what collect keeps: on seeded files of good, odd and
 * broken lines, reading with it gives exactly the values and bad lines (with their reasons) that
 * reading every line with the JSON parser gives. And it must take the usual lines itself.
 */
class FlatLineTest {
  @TempDir Path dir;

  private static final String[] KEYS = {
    "step", "loss", "acc", "v", "test_acc", "lr", "é", "a b", "", "st\\u0065p", "x\"y", "\t"
  };
  private static final String[] VALUES = {
    "0", "1", "-1", "12", "0.5", "-0.0", "1e3", "1E-7", "2.5e+2", "0.30000000000000004",
    "123456789012345678", "1234567890123456789012", "1e999", "-1e999", "4.9e-324", "01", "+1",
    ".5", "1.", "1e", "--1", "0x10", "NaN", "Infinity", "-Infinity", "+Infinity", "nan",
    "\"nan\"", "\"NaN\"", "\"inf\"", "\"-inf\"", "\"+Infinity\"", "\"x\"", "\"\"", "\"n\\u0061n\"",
    "null", "true", "false", "[1]", "{}", "{\"a\": 1}", "2.0", "3.5", "-7", "1_000"
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void readsExactlyWhatTheJsonParserReads(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    if (seed == 1) {
      file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (int line = 0; line < 4000; line++) {
      byte[] bytes = line(random).getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(20) == 0 && bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(40) == 0 && bytes.length > 1) {
        bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      file.write(bytes);
      file.write('\n');
    }
    Path path = dir.resolve("observations.jsonl");
    Files.write(path, file.toByteArray());

    Recorder flat = read(path, true);
    Recorder full = read(path, false);

    int first = 0;
    while (first < Math.min(flat.events.size(), full.events.size())
        && flat.events.get(first).equals(full.events.get(first))) {
      first++;
    }
    assertThat(flat.events.subList(first, Math.min(first + 3, flat.events.size())))
        .as("the first events that differ, at event " + first)
        .isEqualTo(full.events.subList(first, Math.min(first + 3, full.events.size())));
    assertThat(full.events).anyMatch(e -> e.startsWith("bad"))
        .anyMatch(e -> e.startsWith("value"));
  }

  @Test
  void takesTheUsualLinesItself() {
    FlatLine flat = new FlatLine();
    byte[] line = "{\"step\": 12, \"loss\": 0.25, \"acc\": \"nan\", \"lr\": null}\r"
        .getBytes(StandardCharsets.UTF_8);

    assertThat(flat.read(line, 0, line.length)).isTrue();
    assertThat(flat.hasStep).isTrue();
    assertThat(flat.step).isEqualTo(12);
    assertThat(flat.count).isEqualTo(2);
    assertThat(java.util.Arrays.asList(flat.names).subList(0, 2)).containsExactly("loss", "acc");
    assertThat(flat.values[0]).isEqualTo(0.25);
    assertThat(flat.values[1]).isNaN();

    byte[] nested = "{\"step\": 1, \"m\": {\"a\": 1}}".getBytes(StandardCharsets.UTF_8);
    assertThat(flat.read(nested, 0, nested.length)).as("left to the JSON parser").isFalse();
  }

  /** One line: mostly the flat shape with any keys and values, sometimes something else. */
  private static String line(SplittableRandom random) {
    switch (random.nextInt(12)) {
      case 0:
        return "";
      case 1:
        return "  \t ";
      case 2:
        return "[1, 2]";
      case 3:
        return "{\"step\": 1, \"v\": 2,}";
      case 4:
        return "{\"step\": 1 \"v\": 2}";
      default:
        break;
    }
    StringBuilder b = new StringBuilder();
    b.append(space(random)).append('{').append(space(random));
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(space(random)).append(',').append(space(random));
      }
      String key = random.nextInt(3) == 0 ? KEYS[random.nextInt(KEYS.length)]
          : KEYS[random.nextInt(4)];
      String value = random.nextInt(3) == 0 ? VALUES[random.nextInt(VALUES.length)]
          : Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
      b.append('"').append(key).append('"').append(space(random)).append(':')
          .append(space(random)).append(value);
    }
    b.append(space(random)).append('}').append(space(random));
    if (random.nextInt(30) == 0) {
      b.append(random.nextBoolean() ? "x" : "{}");
    }
    return b.toString();
  }

  private static String space(SplittableRandom random) {
    String[] spaces = {"", "", "", " ", "  ", "\t", " \r"};
    return spaces[random.nextInt(spaces.length)];
  }

  private static Recorder read(Path file, boolean flatLines) throws IOException {
    Recorder r = new Recorder();
    assertThat(new ObservationReader(flatLines).read(file, r)).isTrue();
    return r;
  }

  /** Every value and bad line told to the sink, in order, as text. */
  private static final class Recorder implements ObservationSink {
    final List<String> events = new ArrayList<>();

    @Override
    public void value(int seq, long step, boolean hasStep, String observable, double value) {
      events.add("value " + seq + " " + (hasStep ? Long.toString(step) : "-") + " " + observable
          + "=" + Double.doubleToRawLongBits(value));
    }

    @Override
    public void badLine(int seq, String reason) {
      events.add("bad " + seq + ": " + reason);
    }
  }
}
