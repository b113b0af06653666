package io.engineroom.ingest.readers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses records whose text was damaged on the way: bytes not valid in the source's declared
 * encoding (read as U+FFFD) or a NUL character. Such a value would be stored as something the
 * producer never wrote, and task types or names that differ by a replaced byte split one thing in two.
 */
public final class TextIntegrity {
  public static final String REASON = "INVALID_TEXT";

  private TextIntegrity() {}

  /** The record unchanged, or the same record marked {@value #REASON} naming the damaged fields. */
  public static RawRecord check(RawRecord record, String encoding) {
    if (record.reason() != null || record.fields() == null) {
      return record;
    }
    List<String> damaged = new ArrayList<>();
    for (Map.Entry<String, String> field : record.fields().entrySet()) {
      String value = field.getValue();
      if (value != null && (value.indexOf('\uFFFD') >= 0 || value.indexOf('\u0000') >= 0)) {
        damaged.add(field.getKey());
      }
    }
    if (damaged.isEmpty()) {
      return record;
    }
    return RawRecord.bad(record.position(), record.fields(), REASON, "The field(s) " + damaged
        + " hold bytes that are not valid " + encoding + " or a NUL character. Re-export the file in " + encoding
        + ", or declare the encoding the source really uses (ingest.encodings).");
  }
}
