package io.engineroom.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes one host's ActivityWatch "export all buckets" JSON: a window bucket, an afk bucket and,
 * when there was browsing, a web bucket. Streams with Jackson so memory stays flat.
 */
final class ActivityExportWriter {
  private final BadDataInjector bad;
  private final Instant bucketsCreated;

  ActivityExportWriter(BadDataInjector bad, Instant bucketsCreated) {
    this.bad = bad;
    this.bucketsCreated = bucketsCreated;
  }

  void write(Path file, String host, List<SimulatedDay.Window> windows, List<SimulatedDay.Afk> afk) {
    Rng rng = bad.rngFor(file);
    try {
      Files.createDirectories(file.getParent());
      try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
        g.writeStartObject();
        g.writeObjectFieldStart("buckets");
        String windowBucket = "aw-watcher-window_" + host;
        startBucket(g, windowBucket, "currentwindow", "aw-watcher-window", host);
        for (int i = 0; i < windows.size(); i++) {
          SimulatedDay.Window w = windows.get(i);
          String damage = bad.pick(rng, BadDataInjector.ACTIVITY_KINDS);
          writeEvent(g, w.start(), w.seconds(), damage, file, windowBucket, i);
          g.writeStringField("app", w.app());
          g.writeStringField("title", w.title());
          g.writeEndObject();
          g.writeEndObject();
        }
        endBucket(g);
        String afkBucket = "aw-watcher-afk_" + host;
        startBucket(g, afkBucket, "afkstatus", "aw-watcher-afk", host);
        for (int i = 0; i < afk.size(); i++) {
          SimulatedDay.Afk a = afk.get(i);
          writeEvent(g, a.start(), a.seconds(), null, file, afkBucket, i);
          g.writeStringField("status", a.afk() ? "afk" : "not-afk");
          g.writeEndObject();
          g.writeEndObject();
        }
        endBucket(g);
        if (windows.stream().anyMatch(w -> w.url() != null)) {
          String webBucket = "aw-watcher-web-chrome_" + host;
          startBucket(g, webBucket, "web.tab.current", "aw-client-web", host);
          int i = 0;
          for (SimulatedDay.Window w : windows) {
            if (w.url() != null) {
              writeEvent(g, w.start(), w.seconds(), null, file, webBucket, i++);
              g.writeStringField("url", w.url());
              g.writeStringField("title", w.title().replace(" - Google Chrome", ""));
              g.writeBooleanField("audible", false);
              g.writeBooleanField("incognito", false);
              g.writeEndObject();
              g.writeEndObject();
            }
          }
          endBucket(g);
        }
        g.writeEndObject();
        g.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private void startBucket(JsonGenerator g, String id, String type, String client, String host) throws IOException {
    g.writeObjectFieldStart(id);
    g.writeStringField("id", id);
    g.writeStringField("created", Timestamps.utc(bucketsCreated));
    g.writeStringField("type", type);
    g.writeStringField("client", client);
    g.writeStringField("hostname", host);
    g.writeArrayFieldStart("events");
  }

  private void endBucket(JsonGenerator g) throws IOException {
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Writes an event's timestamp and duration (damaged if asked) and opens its data object. */
  private void writeEvent(JsonGenerator g, Instant start, double seconds, String damage, Path file, String bucket,
      int index) throws IOException {
    String timestamp = Timestamps.utc(start);
    double duration = seconds;
    if (damage != null) {
      switch (damage) {
        case "NEGATIVE_DURATION": duration = -Math.max(1.0, seconds); break;
        case "ABSURD_DURATION": duration = 9_999_999.0; break;
        default: timestamp = "yesterday at nine"; break;
      }
      bad.record("activity", file, bucket + "#" + index, damage);
    }
    g.writeStartObject();
    g.writeStringField("timestamp", timestamp);
    g.writeNumberField("duration", duration);
    g.writeObjectFieldStart("data");
  }
}
