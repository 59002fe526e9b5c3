package xyz.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to what Jetty refuses before the explorer sees it (an address with {@code ..} or
 * an encoded separator, a malformed request): the same JSON as the explorer's own refusals,
 * with Jetty's reason and never a stack trace.
 */
final class JsonErrors extends ErrorHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  JsonErrors() {
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
  }

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response,
      Callback callback, String contentType, List<Charset> charsets, int code, String message,
      Throwable cause) throws IOException {
    return super.generateAcceptableResponse(request, response, callback, "application/json",
        List.of(StandardCharsets.UTF_8), code, message, null);
  }

  @Override
  protected void writeErrorJson(Request request, PrintWriter writer, int code, String message,
      Throwable cause) {
    writer.write(body(code, message));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  static String body(int code, String reason) {
    String why = reason == null || reason.isBlank() ? "the request is not valid" : reason;
    if (code == 400 && why.equals("Bad Request")) {
      why = "the address is not one the explorer accepts (no .. segments, encoded separators or"
          + " control characters)";
    }
    try {
      return MAPPER.writeValueAsString(MAPPER.createObjectNode()
          .put("error", "refused: " + why + "\n  fix: start from /, the explorer's page; it"
              + " serves only its own files and API")
          .put("status", code));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
