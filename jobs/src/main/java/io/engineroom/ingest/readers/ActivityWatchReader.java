package io.engineroom.ingest.readers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an ActivityWatch "export all buckets" file, streaming event by event, so a file cut off in
 * the middle still yields every event before the cut, plus one record saying where it broke.
 * Position of an event: {@code <bucket id>#<index in its bucket>}.
 */
public final class ActivityWatchReader implements LandingFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    String position = "file";
    try (JsonParser p = new JsonFactory(JSON).createParser(content)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "the export must be a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.getCurrentName();
        p.nextToken();
        if (!name.equals("buckets")) {
          p.skipChildren();
          continue;
        }
        expect(p.currentToken(), JsonToken.START_OBJECT, "\"buckets\" must be an object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String bucketId = p.getCurrentName();
          position = bucketId;
          p.nextToken();
          readBucket(p, bucketId, out);
        }
      }
    } catch (IOException | IllegalStateException e) {
      out.accept(RawRecord.bad(position, Map.of(), "MALFORMED_JSON",
          "Cannot read the export after " + position + ": " + e.getMessage().split("\n")[0]
              + ". Events before this point were kept; re-export the bucket to recover the rest."));
    }
  }

  private static void readBucket(JsonParser p, String bucketId, Consumer<RawRecord> out) throws IOException {
    Map<String, String> bucket = new LinkedHashMap<>();
    bucket.put("bucket_id", bucketId);
    int index = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.getCurrentName();
      p.nextToken();
      if (field.equals("events")) {
        expect(p.currentToken(), JsonToken.START_ARRAY, "\"events\" must be an array");
        while (p.nextToken() == JsonToken.START_OBJECT) {
          JsonNode event = JSON.readTree(p);
          out.accept(RawRecord.ok(bucketId + "#" + index++, eventFields(bucket, event)));
        }
      } else if (p.currentToken().isScalarValue()) {
        bucket.put(field, p.getValueAsString());
      } else {
        p.skipChildren();
      }
    }
  }

  private static Map<String, String> eventFields(Map<String, String> bucket, JsonNode event) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("bucket_id", bucket.get("bucket_id"));
    f.put("bucket_type", bucket.getOrDefault("type", ""));
    f.put("client", bucket.getOrDefault("client", ""));
    f.put("hostname", bucket.getOrDefault("hostname", ""));
    f.put("timestamp", text(event.get("timestamp")));
    f.put("duration", text(event.get("duration")));
    JsonNode data = event.get("data");
    f.put("app", data == null ? "" : text(data.get("app")));
    f.put("title", data == null ? "" : text(data.get("title")));
    f.put("url", data == null ? "" : text(data.get("url")));
    f.put("status", data == null ? "" : text(data.get("status")));
    return f;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  private static void expect(JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + " (found " + actual + ")");
    }
  }
}
