package xyz.study;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A place in a study file (1-based line and column) found from an offset that the YAML reader
 * or the UTF-8 decoder gives, so that even a file broken below the YAML level is refused with
 * the place to fix.
 *
 * @param line the 1-based line
 * @param column the 1-based column, counted in characters
 * @param text the line's text up to the place, for the excerpt
 */
record TextPlace(int line, int column, String text) {

  /** The place of the code point at {@code position} (counted in code points) in {@code text}. */
  static TextPlace ofCodePoint(String text, int position) {
    int line = 1;
    int lineStart = 0;
    int i = 0;
    for (int n = 0; n < position && i < text.length(); n++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        lineStart = i;
      }
    }
    String before = text.substring(lineStart, Math.min(i, text.length()));
    return new TextPlace(line, before.codePointCount(0, before.length()) + 1, before);
  }

  /** The place of the first byte that is not UTF-8, or null when all of them are. */
  static TextPlace firstMalformed(byte[] bytes) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      return null;
    }
    out.flip();
    String good = out.toString();
    return ofCodePoint(good, good.codePointCount(0, good.length()));
  }
}
