package xyz.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small JSON Schema checker for tests, covering the keywords the study file's schema uses
 * ($ref, type, enum, pattern, minLength, required, properties, additionalProperties,
 * propertyNames, items, prefixItems, minItems, maxItems, minimum, maximum, oneOf), so that the
 * schema can be tried on real study files without a validator library.
 */
final class SchemaCheck {
  private final JsonNode root;

  SchemaCheck(JsonNode root) {
    this.root = root;
  }

  /** The ways {@code value} (as YAML loads it: maps, lists, numbers, text) breaks the schema. */
  List<String> errors(Object value) {
    List<String> errors = new ArrayList<>();
    check(root, value, "", errors);
    return errors;
  }

  private void check(JsonNode schema, Object value, String at, List<String> errors) {
    if (schema.isBoolean()) {
      if (!schema.asBoolean()) {
        errors.add(at + ": nothing is allowed here");
      }
      return;
    }
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().substring("#/$defs/".length());
      check(root.get("$defs").get(name), value, at, errors);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(at + ": not of type " + schema.get("type"));
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode option : schema.get("enum")) {
        found |= option.isTextual() && option.asText().equals(value);
      }
      if (!found) {
        errors.add(at + ": not one of " + schema.get("enum"));
      }
    }
    if (value instanceof String text) {
      if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText())
          .matcher(text).find()) {
        errors.add(at + ": does not match " + schema.get("pattern").asText());
      }
      if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
        errors.add(at + ": too short");
      }
    }
    if (value instanceof Number number) {
      if (schema.has("minimum") && number.doubleValue() < schema.get("minimum").asDouble()) {
        errors.add(at + ": below " + schema.get("minimum"));
      }
      if (schema.has("maximum") && number.doubleValue() > schema.get("maximum").asDouble()) {
        errors.add(at + ": above " + schema.get("maximum"));
      }
    }
    if (value instanceof List<?> list) {
      array(schema, list, at, errors);
    }
    if (value instanceof Map<?, ?> map) {
      object(schema, map, at, errors);
    }
    if (schema.has("oneOf")) {
      int matches = 0;
      for (JsonNode option : schema.get("oneOf")) {
        List<String> inner = new ArrayList<>();
        check(option, value, at, inner);
        matches += inner.isEmpty() ? 1 : 0;
      }
      if (matches != 1) {
        errors.add(at + ": matches " + matches + " of the oneOf choices, not 1");
      }
    }
  }

  private void array(JsonNode schema, List<?> list, String at, List<String> errors) {
    if (schema.has("minItems") && list.size() < schema.get("minItems").asInt()) {
      errors.add(at + ": fewer than " + schema.get("minItems") + " items");
    }
    if (schema.has("maxItems") && list.size() > schema.get("maxItems").asInt()) {
      errors.add(at + ": more than " + schema.get("maxItems") + " items");
    }
    int prefix = schema.has("prefixItems") ? schema.get("prefixItems").size() : 0;
    for (int i = 0; i < list.size(); i++) {
      if (i < prefix) {
        check(schema.get("prefixItems").get(i), list.get(i), at + "/" + i, errors);
      } else if (schema.has("items")) {
        check(schema.get("items"), list.get(i), at + "/" + i, errors);
      }
    }
  }

  private void object(JsonNode schema, Map<?, ?> map, String at, List<String> errors) {
    if (schema.has("required")) {
      for (JsonNode key : schema.get("required")) {
        if (!map.containsKey(key.asText())) {
          errors.add(at + ": misses " + key.asText());
        }
      }
    }
    JsonNode properties = schema.get("properties");
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String path = at + "/" + key;
      if (schema.has("propertyNames")) {
        check(schema.get("propertyNames"), key, path, errors);
      }
      if (properties != null && properties.has(key)) {
        check(properties.get(key), e.getValue(), path, errors);
      } else if (schema.has("additionalProperties")) {
        check(schema.get("additionalProperties"), e.getValue(), path, errors);
      }
    }
  }

  private static boolean typeMatches(JsonNode type, Object value) {
    if (type.isArray()) {
      Iterator<JsonNode> types = type.elements();
      while (types.hasNext()) {
        if (typeMatches(types.next(), value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "integer" -> value instanceof Integer || value instanceof Long
          || value instanceof BigInteger;
      case "number" -> value instanceof Number;
      case "array" -> value instanceof List;
      case "object" -> value instanceof Map;
      default -> throw new IllegalArgumentException("type " + type);
    };
  }
}
