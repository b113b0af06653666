package io.engineroom.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Run ids people can read: what ran, for which night, and when it started. */
final class RunIds {
  private RunIds() {}

  static String next(String kind, LocalDate delivery) {
    String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
    return kind + "-" + delivery + "-" + started;
  }
}
