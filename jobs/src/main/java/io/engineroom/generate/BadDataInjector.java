package io.engineroom.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Corrupts a chosen share of rows in the ways CONTRACTS.md lists, and writes each corruption to
 * {@code _truth/bad_rows.jsonl} (source, file, position, reason) so tests can check that every one
 * lands in quarantine with the right reason. The reason names are the ingest's reason codes.
 */
final class BadDataInjector implements AutoCloseable {
  static final String[] WORK_EVENT_KINDS = {"BAD_TIMESTAMP", "UNKNOWN_LIFECYCLE", "MISSING_KEY", "FUTURE_EVENT",
      "UNKNOWN_WORKER", "DUPLICATE", "BAD_BOOLEAN"};
  static final String[] ACTIVITY_KINDS = {"NEGATIVE_DURATION", "ABSURD_DURATION", "BAD_TIMESTAMP"};
  static final String[] AUDIT_KINDS = {"BAD_OUTCOME", "SCORE_OUT_OF_RANGE", "UNKNOWN_WORK_ITEM"};

  private final double rate;
  private final long seed;
  private final Path landing;
  private final JsonGenerator log;
  private final Map<String, Long> counts = new TreeMap<>();

  BadDataInjector(double rate, long seed, Path landing, Path truthDir) {
    this.rate = rate;
    this.seed = seed;
    this.landing = landing;
    try {
      Files.createDirectories(truthDir);
      this.log = new JsonFactory().createGenerator(truthDir.resolve("bad_rows.jsonl").toFile(), JsonEncoding.UTF8);
      log.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean enabled() {
    return rate > 0;
  }

  /** A stream of decisions for one file, the same for the same seed and file. */
  Rng rngFor(Path file) {
    return Rng.of(seed, 5, landing.relativize(file).toString().hashCode());
  }

  /** The kind of damage to do to the next row, or null to leave it alone. */
  String pick(Rng rng, String[] kinds) {
    if (rate <= 0 || !rng.chance(rate)) {
      return null;
    }
    return kinds[rng.between(0, kinds.length - 1)];
  }

  void record(String source, Path file, String position, String reason) {
    counts.merge(reason, 1L, Long::sum);
    try {
      log.writeStartObject();
      log.writeStringField("source", source);
      log.writeStringField("file", landing.relativize(file).toString());
      log.writeStringField("position", position);
      log.writeStringField("reason", reason);
      log.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Long> counts() {
    return counts;
  }

  double rate() {
    return rate;
  }

  @Override
  public void close() {
    try {
      log.writeRaw('\n');
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
