package io.engineroom.ingest.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestActivityWatchReader {
  private static final String EXPORT = "{\"buckets\": {"
      + "\"aw-watcher-window_PC1\": {\"id\": \"aw-watcher-window_PC1\", \"created\": \"2026-01-01T00:00:00+00:00\","
      + " \"type\": \"currentwindow\", \"client\": \"aw-watcher-window\", \"hostname\": \"PC1\", \"events\": ["
      + "{\"timestamp\": \"2026-03-02T07:00:00.000+00:00\", \"duration\": 12.5, \"data\": {\"app\": \"Excel\", \"title\": \"a.xlsx\"}},"
      + "{\"timestamp\": \"2026-03-02T07:00:12.500+00:00\", \"duration\": 3.0, \"data\": {\"app\": \"Outlook\", \"title\": \"Inbox\"}}]},"
      + "\"aw-watcher-afk_PC1\": {\"id\": \"aw-watcher-afk_PC1\", \"type\": \"afkstatus\", \"client\": \"aw-watcher-afk\","
      + " \"hostname\": \"PC1\", \"events\": [{\"timestamp\": \"2026-03-02T07:00:00.000+00:00\", \"duration\": 600,"
      + " \"data\": {\"status\": \"not-afk\"}}]}}}";

  @Test
  void readsEveryEventWithItsBucket() {
    List<RawRecord> out = new ArrayList<>();
    new ActivityWatchReader().read("x.json", EXPORT.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).hasSize(3);
    assertThat(out.get(1).position()).isEqualTo("aw-watcher-window_PC1#1");
    assertThat(out.get(1).fields()).containsEntry("app", "Outlook").containsEntry("hostname", "PC1")
        .containsEntry("bucket_type", "currentwindow").containsEntry("duration", "3.0");
    assertThat(out.get(2).fields()).containsEntry("status", "not-afk").containsEntry("bucket_type", "afkstatus");
  }

  @Test
  void aTruncatedExportKeepsTheEventsBeforeTheCut() {
    List<RawRecord> out = new ArrayList<>();
    String cut = EXPORT.substring(0, EXPORT.indexOf("Outlook") + 3);
    new ActivityWatchReader().read("x.json", cut.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).hasSize(2);
    assertThat(out.get(0).reason()).isNull();
    assertThat(out.get(1).reason()).isEqualTo("MALFORMED_JSON");
    assertThat(out.get(1).detail()).contains("aw-watcher-window_PC1");
  }
}
