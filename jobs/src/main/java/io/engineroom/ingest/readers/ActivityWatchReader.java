package io.engineroom.ingest.readers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an ActivityWatch "export all buckets" file event by event, so a file cut off in the middle
 * still yields every event before the cut, plus one record saying where it broke. Every element of
 * an {@code events} array is either an event or a record saying why it is not one (a {@code null},
 * a number); a bucket that is not an object is reported, not skipped; a bucket's keys may come in
 * any order; several exports one after another in a file are all read. Position of an event:
 * {@code <bucket id>#<index in its bucket>}.
 */
public final class ActivityWatchReader implements LandingFileReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Charset charset;

  public ActivityWatchReader(Charset charset) {
    this.charset = charset;
  }

  public ActivityWatchReader() {
    this(StandardCharsets.UTF_8);
  }

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    Bucket bucket = null;
    String position = "file";
    try (JsonParser p = new JsonFactory(JSON).createParser(LandingText.decode(content, charset))) {
      JsonToken root;
      int exports = 0;
      while ((root = p.nextToken()) != null) {
        exports++;
        position = exports == 1 ? "file" : "export " + exports;
        expect(root, JsonToken.START_OBJECT, "an export must be a JSON object");
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
            if (p.nextToken() != JsonToken.START_OBJECT) {
              out.accept(RawRecord.bad(bucketId, Map.of("bucket_id", bucketId), "MALFORMED_BUCKET",
                  "The bucket " + bucketId + " is " + p.currentToken() + ", not an object with \"events\"; "
                      + "its events (if any) cannot be read. Re-export it."));
              p.skipChildren();
              continue;
            }
            bucket = new Bucket(bucketId);
            readBucket(p, bucket, out);
            bucket.emit(out);
            bucket = null;
          }
        }
      }
    } catch (IOException | IllegalStateException e) {
      if (bucket != null) {
        bucket.emit(out); // what was read of the bucket before the break is kept
      }
      out.accept(RawRecord.bad(position, Map.of(), "MALFORMED_JSON",
          "Cannot read the export after " + position + ": " + e.getMessage().split("\n")[0]
              + ". Events before this point were kept; re-export the bucket to recover the rest."));
    }
  }

  private static void readBucket(JsonParser p, Bucket bucket, Consumer<RawRecord> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.getCurrentName();
      p.nextToken();
      if (field.equals("events")) {
        expect(p.currentToken(), JsonToken.START_ARRAY, "\"events\" must be an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) {
            throw new IllegalStateException("the events of " + bucket.id + " end without ']'");
          }
          bucket.add(JSON.readTree(p));
        }
      } else if (p.currentToken().isScalarValue()) {
        bucket.attributes.put(field, p.getValueAsString());
      } else {
        p.skipChildren();
      }
    }
  }

  /** One bucket's events, held until its attributes (which may follow them) are known. */
  private static final class Bucket {
    final String id;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<JsonNode> events = new ArrayList<>();

    Bucket(String id) {
      this.id = id;
    }

    void add(JsonNode event) {
      events.add(event);
    }

    void emit(Consumer<RawRecord> out) {
      for (int index = 0; index < events.size(); index++) {
        JsonNode event = events.get(index);
        String position = id + "#" + index;
        if (event == null || !event.isObject()) {
          out.accept(RawRecord.bad(position, Map.of("bucket_id", id), "MALFORMED_EVENT",
              "Element " + index + " of the events of " + id + " is " + (event == null ? "null" : event.getNodeType())
                  + ", not an event object; the events around it were kept."));
        } else {
          out.accept(RawRecord.ok(position, eventFields(event)));
        }
      }
      events.clear();
    }

    private Map<String, String> eventFields(JsonNode event) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("bucket_id", id);
      f.put("bucket_type", attributes.getOrDefault("type", ""));
      f.put("client", attributes.getOrDefault("client", ""));
      f.put("hostname", attributes.getOrDefault("hostname", ""));
      f.put("timestamp", text(event.get("timestamp")));
      f.put("duration", text(event.get("duration")));
      JsonNode data = event.get("data");
      f.put("app", data == null ? "" : text(data.get("app")));
      f.put("title", data == null ? "" : text(data.get("title")));
      f.put("url", data == null ? "" : text(data.get("url")));
      f.put("status", data == null ? "" : text(data.get("status")));
      return f;
    }
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
