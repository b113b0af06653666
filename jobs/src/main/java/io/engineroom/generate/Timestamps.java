package io.engineroom.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ISO-8601 with milliseconds and an explicit offset, the way the landing contracts want them. */
final class Timestamps {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private Timestamps() {}

  static String utc(Instant t) {
    return FORMAT.format(t.atOffset(ZoneOffset.UTC));
  }

  static String local(Instant t, ZoneId zone) {
    return FORMAT.format(t.atZone(zone));
  }
}
