package xyz.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON mapper of the store: snake_case keys as in the results layout, stable key order,
 * no locale in numbers.
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private Json() {}
}
