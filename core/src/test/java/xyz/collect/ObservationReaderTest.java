package xyz.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObservationReaderTest {
  @TempDir Path dir;

  /** What the reader told the sink, as text, one entry per value or bad line. */
  private static final class Recorder implements ObservationSink {
    final List<String> values = new ArrayList<>();
    final List<String> bad = new ArrayList<>();

    @Override
    public void value(int seq, long step, boolean hasStep, String observable, double value) {
      values.add(seq + " " + (hasStep ? String.valueOf(step) : "-") + " " + observable + "="
          + value);
    }

    @Override
    public void badLine(int seq, String reason) {
      bad.add(seq + ": " + reason);
    }
  }

  private Recorder read(byte[] content) throws IOException {
    Path file = dir.resolve("observations.jsonl");
    Files.write(file, content);
    Recorder r = new Recorder();
    assertThat(new ObservationReader().read(file, r)).isTrue();
    return r;
  }

  private Recorder read(String content) throws IOException {
    return read(content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsStepsValuesAndSpecialNumbers() throws IOException {
    Recorder r = read("{\"step\": 1, \"loss\": 0.93, \"acc\": 1}\n"
        + "{\"loss\": \"nan\", \"a\": \"inf\", \"b\": \"-inf\", \"c\": null}\n"
        + "{\"step\": 3, \"loss\": NaN, \"a\": -Infinity}\n"
        + "{\"step\": 4.0, \"x\": 2.5e-3}");
    assertThat(r.bad).isEmpty();
    assertThat(r.values).containsExactly(
        "1 1 loss=0.93", "1 1 acc=1.0",
        "2 - loss=NaN", "2 - a=Infinity", "2 - b=-Infinity",
        "3 3 loss=NaN", "3 3 a=-Infinity",
        "4 4 x=0.0025");
  }

  @Test
  void blankLinesCountAsLinesButHoldNothing() throws IOException {
    Recorder r = read("{\"a\": 1}\r\n\r\n   \n{\"a\": 2}\r\n");
    assertThat(r.bad).isEmpty();
    assertThat(r.values).containsExactly("1 - a=1.0", "4 - a=2.0");
  }

  @Test
  void skipsAByteOrderMarkOnTheFirstLine() throws IOException {
    Recorder r = read("\uFEFF{\"a\": 1}\n");
    assertThat(r.bad).isEmpty();
    assertThat(r.values).containsExactly("1 - a=1.0");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      not json at all                 | not JSON: Unrecognized token 'not'
      {"loss": 0.5                    | not JSON: Unexpected end-of-input
      [1, 2]                          | not a JSON object but an array
      3.5                             | not a JSON object but 3.5
      {"loss": "high"}                | "loss" is "high", not a number
      {"loss": {"v": 1}}              | "loss" is an object, not a number
      {"loss": [1]}                   | "loss" is an array, not a number
      {"loss": true}                  | "loss" is true, not a number
      {"step": 1.5, "loss": 1}        | step is 1.5, not an integer
      {"step": "3", "loss": 1}        | step is "3", not an integer
      {"loss": 1, "loss": 2}          | not JSON: Duplicate field 'loss'
      {"loss": 1} {"acc": 2}          | text after the JSON object
      {"loss": 1} x                   | not JSON: Unrecognized token 'x'
      {"": 1}                         | an observable has an empty name
      """)
  void leavesOutAMalformedLineWithItsReasonAndKeepsTheOthers(String line, String reason)
      throws IOException {
    Recorder r = read("{\"step\": 1, \"loss\": 0.1}\n" + line + "\n{\"step\": 3, \"loss\": 0.3}\n");
    assertThat(r.values).containsExactly("1 1 loss=0.1", "3 3 loss=0.3");
    assertThat(r.bad).singleElement().asString().startsWith("2: " + reason);
  }

  @Test
  void aLineOfBinaryGarbageIsOneBadLine() throws IOException {
    byte[] garbage = {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0x80, '{', (byte) 0xC3};
    Recorder r = read(concat("{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8), garbage,
        "\n{\"a\": 3}\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.values).containsExactly("1 - a=1.0", "3 - a=3.0");
    assertThat(r.bad).singleElement().asString().startsWith("2: not JSON");
    assertThat(r.bad.get(0)).doesNotContainPattern("\\p{Cntrl}");
  }

  @Test
  void invalidUtf8InsideAStringIsABadLine() throws IOException {
    byte[] line = concat("{\"a\": \"".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}\n".getBytes(StandardCharsets.UTF_8));
    Recorder r = read(line);
    assertThat(r.values).isEmpty();
    assertThat(r.bad).singleElement().asString().startsWith("1: not JSON: Invalid UTF-8");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aLineLongerThanAMegabyteIsABadLineAndIsNotHeld(boolean newlineAtEnd) throws IOException {
    Path file = dir.resolve("observations.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("{\"a\": 1}\n{\"pad\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] pad = new byte[100_000];
      java.util.Arrays.fill(pad, (byte) 'x');
      for (int i = 0; i < 11; i++) {
        out.write(pad);
      }
      out.write("\", \"a\": 2}".getBytes(StandardCharsets.UTF_8));
      if (newlineAtEnd) {
        out.write("\n{\"a\": 3}\n".getBytes(StandardCharsets.UTF_8));
      }
    }
    Recorder r = new Recorder();
    new ObservationReader().read(file, r);
    assertThat(r.bad).containsExactly("2: longer than 1 MB");
    assertThat(r.values).containsExactlyElementsOf(newlineAtEnd
        ? List.of("1 - a=1.0", "3 - a=3.0") : List.of("1 - a=1.0"));
  }

  @Test
  void aLineJustUnderAMegabyteSpanningReadBuffersIsRead() throws IOException {
    String pad = "y".repeat(ObservationReader.MAX_LINE_BYTES - 30);
    Recorder r = read("{\"a\": 1}\n{\"a\": 2, \"p\": \"" + pad + "\"}");
    assertThat(r.bad).singleElement().asString().startsWith("2: \"p\" is \"yyy");
    r = read("{\"a\": 1}\n{\"a\": 2, \"b\": 3}          " + " ".repeat(200_000) + "\n");
    assertThat(r.bad).isEmpty();
    assertThat(r.values).containsExactly("1 - a=1.0", "2 - a=2.0", "2 - b=3.0");
  }

  @Test
  void aMissingFileHasNoLines() throws IOException {
    Recorder r = new Recorder();
    assertThat(new ObservationReader().read(dir.resolve("absent.jsonl"), r)).isFalse();
    assertThat(r.values).isEmpty();
    assertThat(r.bad).isEmpty();
  }

  /**
   * Seeded mixes of good and bad lines: every good line's values are kept with its line number,
   * every bad line is reported once, whatever the mix and the line lengths.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 20261203})
  void keepsEveryGoodLineOfASeededMix(long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder file = new StringBuilder();
    List<String> expectedValues = new ArrayList<>();
    List<Integer> expectedBad = new ArrayList<>();
    int lines = 200 + random.nextInt(300);
    for (int seq = 1; seq <= lines; seq++) {
      if (random.nextInt(5) == 0) {
        String[] bad = {"{\"a\": ", "{\"a\": \"x\"}", "[]", "{\"step\": 0.5, \"a\": 1}",
            "\u0001\u0002", "{\"a\": 1}}"};
        file.append(bad[random.nextInt(bad.length)]);
        expectedBad.add(seq);
      } else {
        int step = random.nextInt(1000);
        double value = random.nextGaussian();
        String pad = " ".repeat(random.nextInt(3) == 0 ? random.nextInt(70_000) : 0);
        file.append("{\"step\": ").append(step).append(", \"v\": ").append(value).append(pad)
            .append('}');
        expectedValues.add(seq + " " + step + " v=" + value);
      }
      file.append('\n');
    }
    Recorder r = read(file.toString());
    assertThat(r.values).containsExactlyElementsOf(expectedValues);
    assertThat(r.bad).extracting(s -> Integer.parseInt(s.substring(0, s.indexOf(':'))))
        .containsExactlyElementsOf(expectedBad);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
