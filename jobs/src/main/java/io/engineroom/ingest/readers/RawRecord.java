package io.engineroom.ingest.readers;

import java.util.Map;

/**
 * One record as read from a landing file: its position (line, bucket#index, trace/event), its
 * fields as text, and, when it could not even be read, the reason code and a detail for people.
 */
public record RawRecord(String position, Map<String, String> fields, String reason, String detail) {
  public static RawRecord ok(String position, Map<String, String> fields) {
    return new RawRecord(position, fields, null, null);
  }

  public static RawRecord bad(String position, Map<String, String> fields, String reason, String detail) {
    return new RawRecord(position, fields, reason, detail);
  }
}
