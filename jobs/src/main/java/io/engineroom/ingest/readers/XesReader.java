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
  /** A gzip log may unpack to at most this many times its size: more is a bomb, not a log. */
  public static final int DEFAULT_MAX_RATIO = 100;
  private final long maxUnpackedBytes;
  private final int maxRatio;

  public XesReader(long maxUnpackedBytes, int maxRatio) {
    this.maxUnpackedBytes = maxUnpackedBytes;
    this.maxRatio = maxRatio;
  }

  public XesReader() {
    this(Long.MAX_VALUE, DEFAULT_MAX_RATIO);
  }

  @Override
  public void read(String fileName, byte[] content, Consumer<RawRecord> out) {
    // The log's own name, when it has one, so the same log re-exported under another file name has
    // the same event ids and is recognised as a re-delivery; else the file name.
    String sourceSystem = "xes:" + fileName.replaceAll(".*/", "").replaceAll("(?i)\\.xes(\\.gz)?$", "");
    int trace = 0;
    int eventIndex = 0;
    int read = 0;
    int depth = 0;
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
          depth++;
          String tag = xml.getLocalName();
          if (depth == 2 && trace == 0 && "concept:name".equals(xml.getAttributeValue(null, "key"))
              && xml.getAttributeValue(null, "value") != null && !xml.getAttributeValue(null, "value").isBlank()) {
            sourceSystem = "xes:" + xml.getAttributeValue(null, "value").trim();
          } else if (tag.equals("trace")) {
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
          depth--;
          String tag = xml.getLocalName();
          if (tag.equals("event") && event != null) {
            eventIndex++;
            read++;
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
              + ". Events kept from before this point: " + read + "; " + eventsLost(content, read)
              + ". Ask for the log again."));
    }
  }

  /** How many events a broken log loses: its event tags counted as text, less those read. */
  private String eventsLost(byte[] content, int read) {
    byte[] tag = "<event".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long tags = 0;
    try (InputStream in = new java.io.BufferedInputStream(open(content))) {
      int matched = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (matched == tag.length) {
          if (b == '>' || b == '/' || Character.isWhitespace(b)) {
            tags++;
          }
          matched = 0;
        }
        matched = b == tag[matched] ? matched + 1 : (b == tag[0] ? 1 : 0);
      }
    } catch (IOException e) {
      return "how many events follow is unknown (" + e.getMessage() + ")";
    }
    return "events after it not read: about " + Math.max(0, tags - read);
  }

  private InputStream open(byte[] content) throws IOException {
    boolean gzip = content.length > 1 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    InputStream raw = new ByteArrayInputStream(content);
    if (!gzip) {
      return raw;
    }
    long limit = Math.min(maxUnpackedBytes, Math.max(1L << 20, (long) content.length * maxRatio));
    return new BoundedStream(new GZIPInputStream(raw, 1 << 16), limit);
  }

  /** Stops a gzip bomb: reading past the limit is an error the reader reports, not memory it fills. */
  private static final class BoundedStream extends java.io.FilterInputStream {
    private final long limit;
    private long read;

    BoundedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new IOException("the gzip file unpacks to more than " + limit + " bytes (ingest.max-file-bytes, "
            + "ingest.max-unpack-ratio); the rest was not read");
      }
    }
  }

  private static RawRecord toRecord(String sourceSystem, int trace, int eventIndex, Map<String, String> traceAttrs,
      Map<String, String> event, WorkItemRuns runs) {
    String caseId = traceAttrs.getOrDefault("concept:name", "");
    String activity = event.getOrDefault("concept:name", "");
    String transition = event.get("lifecycle:transition");
    String lifecycle = XesTransitions.lifecycle(transition);
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
    f.put("attributes", attributesJson(traceAttrs, event, XesTransitions.status(transition)));
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

  /** Keys the contract's own fields already carry. */
  private static final java.util.Set<String> MAPPED = java.util.Set.of("concept:name", "lifecycle:transition",
      "time:timestamp", "org:resource");

  /**
   * The trace's and the event's other attributes (amounts, product, org:group, org:role), usable as
   * case-mix; an event attribute wins over a trace attribute of the same key. A transition outside
   * the standard lifecycle model is kept as {@code status}.
   */
  private static String attributesJson(Map<String, String> traceAttrs, Map<String, String> event, String status) {
    Map<String, String> all = new LinkedHashMap<>();
    traceAttrs.forEach((k, v) -> {
      if (!MAPPED.contains(k)) {
        all.put(k, v);
      }
    });
    event.forEach((k, v) -> {
      if (!MAPPED.contains(k)) {
        all.put(k, v);
      }
    });
    if (status != null) {
      all.put("status", status);
    }
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : all.entrySet()) {
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
