package io.engineroom.ingest.readers;

import java.util.function.Consumer;

/** Reads one landing file's bytes into records; never throws on bad content, it reports it. */
public interface LandingFileReader {
  void read(String fileName, byte[] content, Consumer<RawRecord> out);
}
