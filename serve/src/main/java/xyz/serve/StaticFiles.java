package xyz.serve;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page and its scripts, from the jar: a fixed list of names, each with its content type.
 * A name not on the list is a 404, so that no request can name another file.
 */
final class StaticFiles {
  private static final String ROOT = "/xyz/serve/web/";
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "explorer.js", "text/javascript; charset=utf-8",
      "explorer.css", "text/css; charset=utf-8",
      "vendor/vega.min.js", "text/javascript; charset=utf-8",
      "vendor/vega-lite.min.js", "text/javascript; charset=utf-8",
      "vendor/vega-embed.min.js", "text/javascript; charset=utf-8");
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  private StaticFiles() {}

  /** Answers with the named file, or refuses a name that is not on the list. */
  static void serve(Context ctx, String name) {
    String type = FILES.get(name);
    if (type == null) {
      throw new BadRequest(404, "no such file: " + Params.shown(name)
          + "\n  fix: the explorer serves only its own page, from /");
    }
    byte[] bytes = CACHE.computeIfAbsent(name, StaticFiles::read);
    ctx.header("X-Content-Type-Options", "nosniff");
    if (name.equals("index.html")) {
      // The page runs only its own scripts; Vega compiles its expressions, hence unsafe-eval.
      ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'"
          + " 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
          + " connect-src 'self'; frame-ancestors 'none'");
    }
    ctx.header("Cache-Control", name.startsWith("vendor/") ? "max-age=86400" : "no-cache");
    ctx.contentType(type).result(bytes);
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException(ROOT + name + " is missing from the jar: the build did"
            + " not vendor the chart libraries (see serve/vendor.sh)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + name, e);
    }
  }
}
