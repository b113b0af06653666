package io.engineroom.ingest.readers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One JSON object per line; nested values (such as {@code attributes}) are kept as JSON text. */
public final class JsonLinesReader implements LandingFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> fields;

  public JsonLinesReader(List<String> fields) {
    this.fields = fields;
  }

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String position = Integer.toString(i + 1);
      try {
        JsonNode node = JSON.readTree(line);
        Map<String, String> record = new LinkedHashMap<>();
        for (String f : fields) {
          JsonNode v = node.get(f);
          record.put(f, v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
        }
        out.accept(RawRecord.ok(position, record));
      } catch (Exception e) {
        boolean last = i == lines.length - 1;
        out.accept(RawRecord.bad(position, Map.of(), last ? "TRUNCATED_ROW" : "MALFORMED_ROW",
            "Line is not a JSON object: " + e.getMessage().split("\n")[0]));
      }
    }
  }
}
