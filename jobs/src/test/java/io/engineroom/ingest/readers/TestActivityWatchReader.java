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

  private static List<RawRecord> read(String json) {
    List<RawRecord> out = new ArrayList<>();
    new ActivityWatchReader().read("x.json", json.getBytes(StandardCharsets.UTF_8), out::add);
    return out;
  }

  @Test
  void aNullOrNumberAmongTheEventsIsReportedAndTheRestKept() {
    String export = "{\"buckets\": {\"w\": {\"type\": \"currentwindow\", \"hostname\": \"PC1\", \"events\": ["
        + "{\"timestamp\": \"t1\", \"duration\": 1}, null, 7, {\"timestamp\": \"t4\", \"duration\": 2}]}}}";
    List<RawRecord> out = read(export);
    assertThat(out).extracting(RawRecord::position).containsExactly("w#0", "w#1", "w#2", "w#3");
    assertThat(out).extracting(RawRecord::reason).containsExactly(null, "MALFORMED_EVENT", "MALFORMED_EVENT", null);
    assertThat(out.get(3).fields()).containsEntry("timestamp", "t4").containsEntry("hostname", "PC1");
  }

  @Test
  void aBucketThatIsNotAnObjectIsReportedAndTheNextOneRead() {
    String export = "{\"buckets\": {\"broken\": [1, 2], \"w\": {\"type\": \"currentwindow\", \"hostname\": \"PC1\","
        + " \"events\": [{\"timestamp\": \"t1\", \"duration\": 1}]}}}";
    List<RawRecord> out = read(export);
    assertThat(out).extracting(RawRecord::reason).containsExactly("MALFORMED_BUCKET", null);
    assertThat(out.get(0).detail()).contains("broken");
  }

  @Test
  void bucketKeysInAnyOrderStillGiveEachEventItsHost() {
    String export = "{\"buckets\": {\"w\": {\"events\": [{\"timestamp\": \"t1\", \"duration\": 1}],"
        + " \"hostname\": \"PC9\", \"type\": \"currentwindow\"}}}";
    assertThat(read(export).get(0).fields()).containsEntry("hostname", "PC9").containsEntry("bucket_type", "currentwindow");
  }

  @Test
  void twoExportsInOneFileAreBothRead() {
    List<RawRecord> out = read(EXPORT + "\n" + EXPORT.replace("PC1", "PC2"));
    assertThat(out).hasSize(6).allMatch(r -> r.reason() == null);
    assertThat(out.get(5).fields()).containsEntry("hostname", "PC2");
  }

  @Test
  void aCutInsideABucketKeepsItsEventsWithTheirHost() {
    String export = "{\"buckets\": {\"w\": {\"hostname\": \"PC1\", \"type\": \"currentwindow\", \"events\": ["
        + "{\"timestamp\": \"t1\", \"duration\": 1}, {\"timestamp\": \"t2\"";
    List<RawRecord> out = read(export);
    assertThat(out).extracting(RawRecord::reason).containsExactly(null, "MALFORMED_JSON");
    assertThat(out.get(0).fields()).containsEntry("hostname", "PC1");
  }
}
