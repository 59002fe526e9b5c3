package xyz.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import xyz.UserError;
import xyz.study.Study;

/**
 * The explorer's web server: the page, its scripts, and a read-only JSON API over one study's
 * results ({@code doc/explorer.md}). Listens on one address (127.0.0.1 unless told otherwise);
 * answers only GET; a bad request gets a 4xx status and a message, never a stack trace.
 */
public final class Explorer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long REFRESH_MILLIS = 1000;
  /** Marks a response the explorer wrote itself, so that the 404 page leaves it alone. */
  private static final String ANSWERED = "xyz.answered";

  private final StudyData data;
  private final Javalin app;
  private final String host;
  private final ScheduledExecutorService refresher;
  private final Set<String> loopbackHosts;
  private final Api api;

  private Explorer(Study study, String host) {
    this.data = new StudyData(study);
    this.host = host;
    this.api = new Api(data);
    this.loopbackHosts = loopback(host) ? Set.of("127.0.0.1", "localhost", "[::1]") : null;
    data.refresh();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "xyz-serve-refresh");
      t.setDaemon(true);
      return t;
    });
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.http.prefer405over404 = true;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
      config.routes.before(this::guard);
      config.routes.get("/", ctx -> StaticFiles.serve(ctx, "index.html"));
      config.routes.get("/static/<path>", ctx -> StaticFiles.serve(ctx, ctx.pathParam("path")));
      config.routes.get("/api/study", ctx -> json(ctx, api::study));
      config.routes.get("/api/progress", ctx -> json(ctx, api::progress));
      config.routes.get("/api/view", ctx -> json(ctx, () -> api.view(ctx.queryParamMap())));
      config.routes.get("/api/table", ctx -> json(ctx, () -> api.table(ctx.queryParamMap())));
      config.routes.get("/api/cells", ctx -> json(ctx, () -> api.cells(ctx.queryParamMap())));
      config.routes.get("/api/cell/{id}", ctx -> json(ctx, () -> api.cell(ctx.pathParam("id"))));
      config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status(),
          e.getMessage()));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
          e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        System.err.println("xyz serve: internal error on " + ctx.path() + ": " + e);
        e.printStackTrace();
        error(ctx, 500, "internal error: " + e.getClass().getSimpleName() + ": "
            + e.getMessage());
      });
      config.routes.error(404, ctx -> {
        if (ctx.attribute(ANSWERED) == null) {
          error(ctx, 404, "no such page: " + Params.shown(ctx.path())
              + "\n  fix: start from /, the explorer's page");
        }
      });
      config.routes.error(405, ctx -> error(ctx, 405, "the explorer only reads: "
          + ctx.method() + " is not allowed\n  fix: use GET"));
    });
  }

  /**
   * Starts the explorer of a study.
   *
   * @param host the address to listen on, such as {@code 127.0.0.1}
   * @param port the port, or 0 for any free one
   * @throws UserError when the address cannot be used (the port is taken, the host unknown)
   */
  public static Explorer start(Study study, String host, int port) {
    Explorer explorer = new Explorer(study, host);
    try {
      explorer.app.start(port);
    } catch (RuntimeException e) {
      explorer.close();
      Throwable root = root(e);
      boolean unknownHost = root instanceof java.net.UnknownHostException
          || root instanceof java.nio.channels.UnresolvedAddressException;
      throw new UserError("cannot listen on " + host + ":" + port + ": "
          + (unknownHost ? "no such host or address on this machine"
              : String.valueOf(root.getMessage()))
          + (unknownHost ? "\n  fix: give --host an address of this machine, such as 127.0.0.1"
              + " (the default) or 0.0.0.0 for every interface"
              : "\n  fix: choose another port with --port (0 picks a free one)"), e);
    }
    explorer.refresher.scheduleWithFixedDelay(explorer::refresh, REFRESH_MILLIS,
        REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    return explorer;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The address of the page, such as {@code http://127.0.0.1:8470/}. */
  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : shown) + ":" + port() + "/";
  }

  /** Looks at the results folder now instead of within the next second; for tests. */
  void refreshNow() {
    data.refresh();
  }

  private void refresh() {
    try {
      data.refresh();
    } catch (RuntimeException e) {
      System.err.println("xyz serve: cannot read " + data.folder().root() + ": " + e);
    }
  }

  /**
   * Refuses requests whose Host header is not this machine while the explorer listens on the
   * loopback address, so that a web page elsewhere cannot reach the study by rebinding a name.
   */
  private void guard(Context ctx) {
    if (loopbackHosts == null) {
      return;
    }
    String header = ctx.header("Host");
    String name = header == null ? "" : header.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      name = name.substring(0, colon);
    }
    if (!loopbackHosts.contains(name)) {
      throw new BadRequest(421, "the explorer answers only requests to this machine (Host: "
          + Params.shown(String.valueOf(header)) + ")\n  fix: open " + url());
    }
  }

  private static void json(Context ctx, Supplier<ObjectNode> answer) throws Exception {
    long start = System.nanoTime();
    byte[] body = MAPPER.writeValueAsBytes(answer.get());
    double millis = (System.nanoTime() - start) / 1e6;
    ctx.header("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", millis));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(body);
  }

  private static void error(Context ctx, int status, String message) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ObjectNode node = MAPPER.createObjectNode().put("error", message).put("status", status);
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    try {
      ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.contentType("text/plain").result(message);
    }
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Stops the server and closes the database. */
  @Override
  public void close() {
    refresher.shutdownNow();
    try {
      app.stop();
    } finally {
      data.close();
    }
  }
}
