package io.engineroom.ingest;

import io.engineroom.ingest.readers.ActivityWatchReader;
import io.engineroom.ingest.readers.CsvReader;
import io.engineroom.ingest.readers.JsonLinesReader;
import io.engineroom.ingest.readers.LandingFileReader;
import io.engineroom.ingest.readers.XesReader;

/** Picks the reader for a landing file by its source and name. */
final class Readers {
  private Readers() {}

  static LandingFileReader forFile(LandingSource source, String path, LandingLayout.FileRules rules) {
    String fileName = path.toLowerCase(java.util.Locale.ROOT);
    if (source == LandingSource.ACTIVITY) {
      return new ActivityWatchReader(rules.charset(source));
    }
    if (fileName.endsWith(".xes") || fileName.endsWith(".xes.gz")) {
      return new XesReader(rules.maxBytes(), rules.maxUnpackRatio()); // XML declares its own encoding
    }
    if (fileName.endsWith(".jsonl")) {
      return new JsonLinesReader(source.fields(), rules.charset(source));
    }
    return new CsvReader(source.fields(), source.optionalFields(), rules.charset(source));
  }
}
