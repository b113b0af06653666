package io.engineroom.ingest.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestXesReader {
  private static final String LOG = "<?xml version=\"1.0\"?><log xes.version=\"1.0\">"
      + "<trace><string key=\"concept:name\" value=\"173688\"/><string key=\"AMOUNT_REQ\" value=\"20000\"/>"
      + ev("A_SUBMITTED", "COMPLETE", "112", "2011-10-01T00:38:44.546+02:00")
      + ev("W_Afhandelen leads", "SCHEDULE", null, "2011-10-01T00:39:38.875+02:00")
      + ev("W_Afhandelen leads", "START", "10912", "2011-10-01T11:36:46.437+02:00")
      + ev("W_Afhandelen leads", "COMPLETE", "10912", "2011-10-01T11:45:13.917+02:00")
      + ev("W_Afhandelen leads", "START", "10912", "2011-10-01T12:00:00.000+02:00")
      + ev("W_Afhandelen leads", "COMPLETE", "10912", "2011-10-01T12:05:00.000+02:00")
      + "</trace></log>";

  private static String ev(String name, String lifecycle, String resource, String ts) {
    return "<event><string key=\"concept:name\" value=\"" + name + "\"/><string key=\"lifecycle:transition\" value=\""
        + lifecycle + "\"/>" + (resource == null ? "" : "<string key=\"org:resource\" value=\"" + resource + "\"/>")
        + "<date key=\"time:timestamp\" value=\"" + ts + "\"/></event>";
  }

  @Test
  void mapsXesToWorkEventsWithOneItemPerStartCompleteRun() {
    List<RawRecord> out = new ArrayList<>();
    new XesReader().read("logs/BPI.xes", LOG.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).hasSize(6).allMatch(r -> r.reason() == null);
    assertThat(out.get(0).fields()).containsEntry("case_id", "173688").containsEntry("task_type", "A_SUBMITTED")
        .containsEntry("worker_id", "112").containsEntry("source_system", "xes:BPI");
    assertThat(out.get(1).fields()).as("unattributed SCHEDULE keeps an empty worker").containsEntry("worker_id", "");
    assertThat(out).extracting(r -> r.fields().get("work_item_id")).containsExactly("173688:A_SUBMITTED:1",
        "173688:W_Afhandelen leads:1", "173688:W_Afhandelen leads:1", "173688:W_Afhandelen leads:1",
        "173688:W_Afhandelen leads:2", "173688:W_Afhandelen leads:2");
    assertThat(out.get(0).fields().get("attributes")).contains("\"AMOUNT_REQ\": \"20000\"");
  }

  @Test
  void aLogWithItsOwnLifecycleModelIsReadWholeWithEachStatusKept() {
    // An incident log declares its ticket system's sub-statuses as its lifecycle model (XES allows it).
    String log = "<?xml version=\"1.0\"?><log xes.version=\"1.0\">"
        + "<extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>"
        + "<string key=\"lifecycle:model\" value=\"incident-states\"/>"
        + "<trace><string key=\"concept:name\" value=\"INC-7\"/>"
        + ev("Accepted", "Awaiting Assignment", "Siebel", "2012-05-02T08:00:00.000+02:00")
        + ev("Accepted", "In Progress", "Anna", "2012-05-02T09:00:00.000+02:00")
        + ev("Queued", "Wait - User", "Anna", "2012-05-02T09:30:00.000+02:00")
        + ev("Completed", "Resolved", "Anna", "2012-05-03T10:00:00.000+02:00")
        + ev("Completed", "withdraw", "Anna", "2012-05-03T11:00:00.000+02:00")
        + "</trace></log>";
    List<RawRecord> out = new ArrayList<>();
    new XesReader().read("logs/incidents.xes", log.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).hasSize(5).allMatch(r -> r.reason() == null);
    assertThat(out).extracting(r -> r.fields().get("lifecycle"))
        .containsExactly("COMPLETE", "COMPLETE", "COMPLETE", "COMPLETE", "ABORT");
    assertThat(out.get(0).fields().get("attributes")).contains("\"status\": \"Awaiting Assignment\"");
    assertThat(out.get(2).fields().get("attributes")).contains("\"status\": \"Wait - User\"");
    assertThat(out.get(4).fields().get("attributes")).doesNotContain("status");
  }

  @Test
  void standardTransitionsMapAsTheContractSays() {
    assertThat(XesTransitions.lifecycle("reassign")).isEqualTo("ASSIGN");
    assertThat(XesTransitions.lifecycle("ate_abort")).isEqualTo("ABORT");
    assertThat(XesTransitions.lifecycle("manualskip")).isEqualTo("ABORT");
    assertThat(XesTransitions.lifecycle(" Start ")).isEqualTo("START");
    assertThat(XesTransitions.lifecycle(null)).isEqualTo("COMPLETE");
    assertThat(XesTransitions.status("complete")).isNull();
    assertThat(XesTransitions.status("In Progress")).isEqualTo("In Progress");
  }

  @Test
  void aScheduleWhileARunIsOpenAnnouncesTheNextRun() {
    String log = "<?xml version=\"1.0\"?><log xes.version=\"1.0\">"
        + "<trace><string key=\"concept:name\" value=\"200\"/>"
        + ev("W_Nabellen", "SCHEDULE", null, "2011-10-03T09:00:00.000+02:00")
        + ev("W_Nabellen", "START", "11", "2011-10-03T10:00:00.000+02:00")
        + ev("W_Nabellen", "SCHEDULE", "11", "2011-10-03T10:01:00.000+02:00")
        + ev("W_Nabellen", "COMPLETE", "11", "2011-10-03T10:02:00.000+02:00")
        + ev("W_Nabellen", "START", "12", "2011-10-04T10:00:00.000+02:00")
        + ev("W_Nabellen", "COMPLETE", "12", "2011-10-04T10:05:00.000+02:00")
        + "</trace></log>";
    List<RawRecord> out = new ArrayList<>();
    new XesReader().read("logs/BPI.xes", log.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).extracting(r -> r.fields().get("work_item_id")).containsExactly("200:W_Nabellen:1",
        "200:W_Nabellen:1", "200:W_Nabellen:2", "200:W_Nabellen:1", "200:W_Nabellen:2", "200:W_Nabellen:2");
  }

  @Test
  void aBrokenLogKeepsWhatCameBeforeAndSaysWhere() {
    List<RawRecord> out = new ArrayList<>();
    String cut = LOG.substring(0, LOG.indexOf("12:00:00") + 20);
    new XesReader().read("x.xes", cut.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).filteredOn(r -> r.reason() == null).hasSize(4);
    assertThat(out.get(out.size() - 1).reason()).isEqualTo("MALFORMED_XML");
  }

  @Test
  void aBrokenTraceSaysHowManyEventsWereLost() {
    List<RawRecord> out = new ArrayList<>();
    String broken = LOG.replaceFirst("</event>", "</event><<");
    new XesReader().read("x.xes", broken.getBytes(StandardCharsets.UTF_8), out::add);
    assertThat(out).extracting(RawRecord::reason).containsExactly(null, "MALFORMED_XML");
    assertThat(out.get(1).detail()).contains("Events kept from before this point: 1; events after it not read: about 5");
  }

  @Test
  void theSameLogUnderAnotherFileNameHasTheSameEventIds() {
    String named = LOG.replace("<log xes.version=\"1.0\">", "<log xes.version=\"1.0\"><string key=\"concept:name\" value=\"Loans 2011\"/>");
    List<RawRecord> first = new ArrayList<>();
    List<RawRecord> again = new ArrayList<>();
    new XesReader().read("a/BPI.xes", named.getBytes(StandardCharsets.UTF_8), first::add);
    new XesReader().read("b/BPI-copy.XES", named.getBytes(StandardCharsets.UTF_8), again::add);
    assertThat(first.get(0).fields()).containsEntry("source_system", "xes:Loans 2011");
    assertThat(again).extracting(RawRecord::fields).isEqualTo(first.stream().map(RawRecord::fields).toList());
  }

  @Test
  void aGzipBombStopsAtItsLimitAndSaysSo() throws Exception {
    java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
      gz.write(LOG.substring(0, LOG.indexOf("<trace>")).getBytes(StandardCharsets.UTF_8));
      byte[] padding = new byte[1 << 20];
      java.util.Arrays.fill(padding, (byte) ' ');
      for (int i = 0; i < 8; i++) {
        gz.write(padding); // 8 MiB of blanks pack to a few KiB: far beyond a ratio of 100
      }
    }
    List<RawRecord> out = new ArrayList<>();
    new XesReader().read("bomb.xes.gz", packed.toByteArray(), out::add);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).reason()).isEqualTo("MALFORMED_XML");
    assertThat(out.get(0).detail()).contains("unpacks to more than");
  }
}
