package xyz.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The explorer page in a real browser (Debian's Chromium, headless) on a reduced label-noise
 * study run for real: 3 methods x 3 datasets x 3 shares of random labels x 2 seeds. In CI it
 * never skips; on a machine without Chromium it skips only when {@code XYZ_BROWSER_OPTIONAL=1}.
 * A screenshot of the page is left in {@code target/explorer-label-noise.png}.
 */
class ExplorerBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final List<String> METHODS = List.of("logreg", "tree", "knn1");
  private static final List<String> DATASETS = List.of("iris", "wine", "penguins");
  private static final String STUDY = """
      study: label-noise-small
      methods: [logreg, tree, knn1]
      datasets: [iris, wine, penguins]
      controls:
        p: [0, 0.5, 1.0]
        seed: {range: [0, 2], replicate: true}
      observables: [train_acc, test_acc, fit_seconds]
      experiment:
        builtin: label-noise
        timeout: 5m
      figures:
        - {name: accuracy, rows: method, cols: dataset, x: p, y: [train_acc, test_acc], band: se}
      """;

  private static Explorer explorer;
  private static WebDriver driver;
  private static Path downloads;
  private static Path results;

  @BeforeAll
  static void runTheStudyAndOpenABrowser() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      assumeTrue(!"1".equals(System.getenv("XYZ_BROWSER_OPTIONAL")),
          "no Chromium: browser tests skipped (XYZ_BROWSER_OPTIONAL=1)");
      throw new IllegalStateException(CHROMIUM + " or " + DRIVER + " is missing: install"
          + " Debian's chromium and chromium-driver (scripts/test.sh does), or set"
          + " XYZ_BROWSER_OPTIONAL=1 to skip the browser tests on this machine");
    }
    Path file = Fixtures.write(Path.of("target", "browser-label-noise"), STUDY);
    Fixtures.run(file);
    results = file.resolveSibling("results");
    explorer = Explorer.start(Fixtures.read(file), "127.0.0.1", 0);
    downloads = Files.createDirectories(Path.of("target", "browser-downloads").toAbsolutePath());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-quic",
        "--window-size=1400,1000", "--user-data-dir="
            + Files.createTempDirectory("xyz-chrome").toAbsolutePath());
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
    if (explorer != null) {
      explorer.close();
    }
  }

  @BeforeEach
  void emptyDownloads() throws Exception {
    if (downloads != null) {
      try (Stream<Path> files = Files.list(downloads)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + explorer.port() + "/";
  }

  /** Opens the page and waits until it has drawn. */
  private static void open(String query) {
    driver.get(base() + query);
    waitForDraw(0);
  }

  private static int drawn() {
    String d = driver.findElement(By.tagName("body")).getAttribute("data-drawn");
    return d == null ? 0 : Integer.parseInt(d);
  }

  /** Waits until the page has drawn more often than {@code before}. */
  private static void waitForDraw(int before) {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> drawn() > before);
    String message = driver.findElement(By.id("message")).getText();
    assertThat(message).as("the page's message").isEmpty();
  }

  private static void change(Runnable action) {
    int before = drawn();
    action.run();
    waitForDraw(before);
  }

  /** The SVG the page would download now. */
  private static String svg() {
    Object text = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; state.view.toSVG().then(done);");
    return (String) text;
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes("UTF-8")));
  }

  /** The panels of the drawn grid: the groups inside Vega's facet cell group. */
  private static int panels(Document svg) {
    List<Element> groups = elements(svg, "g");
    for (Element g : groups) {
      if (g.getAttribute("class").equals("mark-group role-scope cell")) {
        int n = 0;
        for (Node c = g.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element e && e.getLocalName().equals("g")) {
            n++;
          }
        }
        return n;
      }
    }
    return 1;
  }

  /** The legend's labels, in document order. */
  private static List<String> legend(Document svg) {
    return texts(svg, "role-legend-label", "role-legend-label");
  }

  /** The labels of the panel strips, {@code column} or {@code row}, in document order. */
  private static List<String> headers(Document svg, String which) {
    return texts(svg, "role-" + which + "-header", "role-title-text");
  }

  /** The texts of the marks of class {@code inner} inside the groups of class {@code outer}. */
  private static List<String> texts(Document svg, String outer, String inner) {
    List<String> out = new ArrayList<>();
    for (Element g : elements(svg, "g")) {
      if (!g.getAttribute("class").contains(outer)) {
        continue;
      }
      for (Element marks : children(g, "g")) {
        if (marks.getAttribute("class").contains(inner) || g == marks) {
          for (Element t : children(marks, "text")) {
            out.add(t.getTextContent());
          }
        }
      }
      if (outer.equals(inner)) {
        for (Element t : children(g, "text")) {
          out.add(t.getTextContent());
        }
      }
    }
    return out;
  }

  private static List<Element> elements(Document d, String name) {
    List<Element> out = new ArrayList<>();
    var list = d.getElementsByTagNameNS("*", name);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    var list = e.getElementsByTagNameNS("*", name);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  @Test
  void thePageDrawsOnePanelPerMethodAndDatasetAndASharedLegendInLevelOrder() throws Exception {
    open("");
    Document grid = parse(svg());
    assertThat(panels(grid)).isEqualTo(METHODS.size() * DATASETS.size());
    assertThat(headers(grid, "column")).containsExactlyElementsOf(DATASETS);
    assertThat(headers(grid, "row")).containsExactlyElementsOf(METHODS);
    assertThat(legend(grid)).containsExactly("train_acc", "test_acc");
    Files.write(Path.of("target", "explorer-label-noise.png"),
        ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));

    change(() -> new Select(driver.findElement(By.id("shelf-x"))).selectByValue("seed"));
    change(() -> new Select(driver.findElement(By.id("shelf-color"))).selectByValue("p"));
    assertThat(legend(parse(svg()))).containsExactly("0", "0.5", "1", "train_acc", "test_acc");
  }

  @Test
  void aFilterRemovesExactlyItsPanels() throws Exception {
    open("");
    change(() -> driver.findElement(By.cssSelector(
        "fieldset[data-axis=dataset] input[data-level=wine]")).click());
    Document grid = parse(svg());
    assertThat(panels(grid)).isEqualTo(METHODS.size() * 2);
    assertThat(headers(grid, "column")).containsExactly("iris", "penguins");
    assertThat(driver.getCurrentUrl()).contains("filter.dataset=iris")
        .contains("filter.dataset=penguins").doesNotContain("filter.dataset=wine");
  }

  @Test
  void theAddressRestoresTheView() throws Exception {
    open("");
    change(() -> new Select(driver.findElement(By.id("shelf-rows"))).selectByValue("dataset"));
    change(() -> new Select(driver.findElement(By.id("shelf-cols"))).selectByValue("method"));
    change(() -> new Select(driver.findElement(By.id("opt-band"))).selectByValue("sd"));
    change(() -> driver.findElement(By.cssSelector(
        "fieldset[data-axis=method] input[data-level=tree]")).click());
    String url = driver.getCurrentUrl();
    String drawnSvg = svg();

    driver.get("about:blank");
    driver.get(url);
    waitForDraw(0);

    assertThat(svg()).isEqualTo(drawnSvg);
    assertThat(new Select(driver.findElement(By.id("shelf-rows"))).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("dataset");
    assertThat(driver.findElement(By.cssSelector(
        "fieldset[data-axis=method] input[data-level=tree]")).isSelected()).isFalse();
    assertThat(headers(parse(drawnSvg), "column")).containsExactly("logreg", "knn1");
  }

  @Test
  void theSvgDownloadIsAValidSvgOfTheGrid() throws Exception {
    open("");
    driver.findElement(By.id("download-svg")).click();
    Path file = downloads.resolve("label-noise-small-train_acc-test_acc-by-p.svg");
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file));
    Document svg = parse(Files.readString(file));
    assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(panels(svg)).isEqualTo(METHODS.size() * DATASETS.size());
  }

  @Test
  void theTablesAveragesAreThoseOfTheCollectedCells() throws Exception {
    open("?tab=table&table_y=test_acc&rows=method&cols=dataset&x=p&y=test_acc");
    Map<String, Double> expected = new HashMap<>();
    // The collected cells.csv, read by a DuckDB of the test's own.
    String cells = "read_csv('" + results.resolve("cells.csv").toAbsolutePath() + "')";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT method, dataset, avg(test_acc) FROM " + cells
          + " WHERE state = 'done' GROUP BY ALL");
      while (rs.next()) {
        expected.put(rs.getString(1) + "|" + rs.getString(2), rs.getDouble(3));
      }
      rs = s.executeQuery("SELECT method, avg(a) FROM (SELECT method, dataset, avg(test_acc) AS"
          + " a FROM " + cells + " WHERE state = 'done' GROUP BY ALL) GROUP BY method");
      while (rs.next()) {
        expected.put(rs.getString(1) + "|mean", rs.getDouble(2));
      }
    }
    assertThat(expected).hasSize(METHODS.size() * DATASETS.size() + METHODS.size());
    for (String method : METHODS) {
      for (String column : List.of("iris", "wine", "penguins", "mean")) {
        WebElement td = driver.findElement(By.cssSelector("#table tr[data-row=" + method
            + "] td[data-col=" + column + "]"));
        assertThat(Double.parseDouble(td.getAttribute("data-value"))).as(method + " " + column)
            .isCloseTo(expected.get(method + "|" + column), org.assertj.core.data.Offset.offset(
                1e-12));
      }
    }
    // The best of each column is marked: the highest mean test accuracy.
    for (String dataset : DATASETS) {
      String best = METHODS.stream().max((a, b) -> Double.compare(expected.get(a + "|" + dataset),
          expected.get(b + "|" + dataset))).orElseThrow();
      assertThat(driver.findElement(By.cssSelector("#table tr[data-row=" + best + "] td[data-col="
          + dataset + "]")).getAttribute("class")).isEqualTo("best");
    }
  }

  @Test
  void clickingAPanelListsItsCellsAndACellShowsItsStdout() throws Exception {
    open("?tab=table&table_y=test_acc&rows=method&cols=dataset&x=p&y=test_acc");
    driver.findElement(By.cssSelector("#table tr[data-row=tree] td[data-col=wine]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
        d.findElements(By.cssSelector("#cell-list li")).size() == 6);
    assertThat(driver.findElement(By.id("cells-title")).getAttribute("textContent"))
        .isEqualTo("6 cells: method=tree, dataset=wine");
    driver.findElement(By.cssSelector("#cell-list li")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
        !d.findElement(By.id("cell-stdout")).getText().isEmpty());
    assertThat(driver.findElement(By.id("cell-stdout")).getText())
        .startsWith("tree on wine (").contains("p=0, seed 0: train accuracy 1.0000");
  }
}
