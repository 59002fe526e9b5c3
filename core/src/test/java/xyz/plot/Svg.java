package xyz.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An SVG file read back as a list of its drawing elements in document order, each with the style
 * it inherits from its groups, the way a viewer resolves it.
 */
final class Svg {
  /** One element: its tag, effective style properties and text. */
  record Item(String tag, Map<String, String> style, String text, String d) {
    String get(String property) {
      return style.getOrDefault(property, "");
    }
  }

  final Document document;
  final List<Item> items = new ArrayList<>();

  Svg(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // The file names the SVG 1.0 DTD; it must parse without fetching it.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    document = factory.newDocumentBuilder().parse(file.toFile());
    walk(document.getDocumentElement(), new LinkedHashMap<>());
  }

  private void walk(Element element, Map<String, String> inherited) {
    Map<String, String> style = new LinkedHashMap<>(inherited);
    for (String part : element.getAttribute("style").split(";")) {
      int colon = part.indexOf(':');
      if (colon > 0) {
        style.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
      }
    }
    String tag = element.getLocalName();
    if (tag.equals("clipPath") || tag.equals("defs")) {
      return;
    }
    if (!tag.equals("g") && !tag.equals("svg")) {
      items.add(new Item(tag, style, element.getTextContent(), element.getAttribute("d")));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(e, style);
      }
    }
  }

  /** The texts, in document order. */
  List<String> texts() {
    return items.stream().filter(i -> i.tag().equals("text")).map(Item::text).toList();
  }

  /** The paths that are stroked lines (no fill), such as data series. */
  List<Item> lines(String stroke) {
    return items.stream().filter(i -> i.tag().equals("path") && i.get("fill").equals("none")
        && i.get("stroke").equals(stroke)).toList();
  }

  /** The filled paths of a colour drawn translucent, such as bands. */
  List<Item> bands(String fill) {
    return items.stream().filter(i -> i.tag().equals("path") && i.get("fill").equals(fill)
        && !i.get("opacity").isEmpty()).toList();
  }

  /** How many points a path's outline has. */
  static int points(Item path) {
    return path.d().split("[ML]").length - 1;
  }
}
