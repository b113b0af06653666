package io.engineroom.ingest.readers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON object per line; nested values (such as {@code attributes}) are kept as JSON text. A line
 * is one object and nothing else: a second object, trailing text or a key given twice make the line
 * malformed rather than silently dropping or choosing a part of it.
 */
public final class JsonLinesReader implements LandingFileReader {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final List<String> fields;
  private final Charset charset;

  public JsonLinesReader(List<String> fields, Charset charset) {
    this.fields = fields;
    this.charset = charset;
  }

  public JsonLinesReader(List<String> fields) {
    this(fields, StandardCharsets.UTF_8);
  }

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    String[] lines = LandingText.decode(content, charset).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String position = Integer.toString(i + 1);
      boolean last = i == lines.length - 1;
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (Exception e) {
        out.accept(RawRecord.bad(position, Map.of(), last ? "TRUNCATED_ROW" : "MALFORMED_ROW",
            "Line is not one JSON object: " + e.getMessage().split("\n")[0]));
        continue;
      }
      if (!node.isObject()) {
        out.accept(RawRecord.bad(position, Map.of(), "MALFORMED_ROW",
            "Line is a JSON " + node.getNodeType().toString().toLowerCase() + ", not an object."));
        continue;
      }
      Map<String, String> record = new LinkedHashMap<>();
      for (String f : fields) {
        JsonNode v = node.get(f);
        record.put(f, v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
      }
      out.accept(RawRecord.ok(position, record));
    }
  }
}
