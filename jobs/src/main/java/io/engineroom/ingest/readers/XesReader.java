package io.engineroom.ingest.readers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an IEEE 1849 XES log (plain or gzip) as work events, as CONTRACTS.md maps it: trace
 * {@code concept:name} is the case, event {@code concept:name} the task type, and a work item is one
 * START…COMPLETE run of one activity in one case. XES has no event ids, so the id is the case and the
 * event's index in its trace: stable for the same file. Position: {@code trace <n> event <m>}.
 */
public final class XesReader implements LandingFileReader {

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    String sourceSystem = "xes:" + fileName.replaceAll(".*/", "").replaceAll("\\.xes(\\.gz)?$", "");
    int trace = 0;
    int eventIndex = 0;
    try (InputStream in = open(content)) {
      XMLInputFactory factory = XMLInputFactory.newInstance();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      Map<String, String> traceAttrs = null;
      Map<String, String> event = null;
      WorkItemRuns runs = new WorkItemRuns();
      while (xml.hasNext()) {
        int kind = xml.next();
        if (kind == XMLStreamConstants.START_ELEMENT) {
          String tag = xml.getLocalName();
          if (tag.equals("trace")) {
            trace++;
            eventIndex = 0;
            traceAttrs = new LinkedHashMap<>();
            runs = new WorkItemRuns();
          } else if (tag.equals("event") && traceAttrs != null) {
            event = new LinkedHashMap<>();
          } else if (traceAttrs != null && xml.getAttributeValue(null, "key") != null) {
            Map<String, String> target = event != null ? event : traceAttrs;
            target.put(xml.getAttributeValue(null, "key"), xml.getAttributeValue(null, "value"));
          }
        } else if (kind == XMLStreamConstants.END_ELEMENT) {
          String tag = xml.getLocalName();
          if (tag.equals("event") && event != null) {
            eventIndex++;
            out.accept(toRecord(sourceSystem, trace, eventIndex, traceAttrs, event, runs));
            event = null;
          } else if (tag.equals("trace")) {
            traceAttrs = null;
          }
        }
      }
    } catch (IOException | XMLStreamException e) {
      out.accept(RawRecord.bad("trace " + trace + " event " + eventIndex, Map.of(), "MALFORMED_XML",
          "Cannot read the XES log after trace " + trace + ": " + e.getMessage().split("\n")[0]
              + ". Events before this point were kept."));
    }
  }

  private static InputStream open(byte[] content) throws IOException {
    boolean gzip = content.length > 1 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    InputStream raw = new ByteArrayInputStream(content);
    return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static RawRecord toRecord(String sourceSystem, int trace, int eventIndex, Map<String, String> traceAttrs,
      Map<String, String> event, WorkItemRuns runs) {
    String caseId = traceAttrs.getOrDefault("concept:name", "");
    String activity = event.getOrDefault("concept:name", "");
    String lifecycle = event.getOrDefault("lifecycle:transition", "COMPLETE").toUpperCase();
    if (lifecycle.equals("ATE_ABORT") || lifecycle.equals("PI_ABORT")) {
      lifecycle = "ABORT";
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("event_id", caseId + "#" + eventIndex);
    f.put("source_system", sourceSystem);
    f.put("case_id", caseId);
    f.put("work_item_id", caseId + ":" + activity + ":" + runs.runFor(activity, lifecycle));
    f.put("task_type", activity);
    f.put("worker_id", event.getOrDefault("org:resource", ""));
    f.put("lifecycle", lifecycle);
    f.put("ts", event.getOrDefault("time:timestamp", ""));
    f.put("automated", "false");
    f.put("attributes", traceAttributesJson(traceAttrs));
    return RawRecord.ok("trace " + trace + " event " + eventIndex, f);
  }

  /**
   * Numbers the START…COMPLETE runs of each activity within one trace. A START opens the next run;
   * SCHEDULE announces the next run, even while one is open (BPIC 2012 schedules the next call
   * while the current one is being worked: it must not cut that run's START…COMPLETE segment); an
   * event with no run open (a lone COMPLETE) is a run of its own; COMPLETE and ABORT close the run.
   */
  static final class WorkItemRuns {
    private final Map<String, Integer> run = new HashMap<>();
    private final Map<String, Boolean> open = new HashMap<>();

    int runFor(String activity, String lifecycle) {
      int n = run.getOrDefault(activity, 0);
      boolean isOpen = open.getOrDefault(activity, false);
      if (lifecycle.equals("SCHEDULE")) {
        return n + 1;
      }
      if (lifecycle.equals("START") || !isOpen) {
        n++;
        run.put(activity, n);
        isOpen = true;
      }
      if (lifecycle.equals("COMPLETE") || lifecycle.equals("ABORT")) {
        isOpen = false;
      }
      open.put(activity, isOpen);
      return n;
    }
  }

  private static String traceAttributesJson(Map<String, String> traceAttrs) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : traceAttrs.entrySet()) {
      if (e.getKey().equals("concept:name")) {
        continue;
      }
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append('"').append(escape(e.getKey())).append("\": \"").append(escape(e.getValue())).append('"');
    }
    return sb.append('}').toString();
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
