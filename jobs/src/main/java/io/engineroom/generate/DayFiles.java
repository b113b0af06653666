package io.engineroom.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one delivery day: work events per site, audits, and the activity folder. Damages
 * rows as the bad-data injector decides and cuts one file short now and then.
 */
final class DayFiles implements AutoCloseable {
  /** Share of completed items a quality team audits. */
  private static final double AUDIT_SHARE = 0.2;
  private final Path landing;
  private final LocalDate day;
  private final BadDataInjector bad;
  private final Map<String, CsvFileWriter> eventFiles = new TreeMap<>();
  private final Map<String, Rng> eventRngs = new TreeMap<>();
  private final Map<String, Long> lastDamagedLine = new TreeMap<>();
  private final CsvFileWriter audits;
  private final Rng auditRng;

  DayFiles(Path landing, LocalDate day, BadDataInjector bad) {
    this.landing = landing;
    this.day = day;
    this.bad = bad;
    Path auditFile = landing.resolve("audits").resolve(day.toString()).resolve("audits.csv");
    this.audits = new CsvFileWriter(auditFile, "audit_id", "work_item_id", "auditor_id", "audited_at", "outcome",
        "score", "error_category", "severity");
    this.auditRng = bad.rngFor(auditFile);
  }

  Path activityFile(String host) {
    return landing.resolve("activity").resolve(day.toString()).resolve("aw-export-" + host + ".json");
  }

  void writeEvents(List<SimulatedDay.Event> events) {
    for (SimulatedDay.Event e : events) {
      String site = siteOf(e);
      CsvFileWriter csv = eventFiles.computeIfAbsent(site, this::openEventFile);
      Rng rng = eventRngs.get(site);
      boolean reordered = site.equals("MNL");
      String damage = bad.pick(rng, BadDataInjector.WORK_EVENT_KINDS);
      if (damage != null && damage.equals("UNKNOWN_WORKER") && e.workerId().isEmpty()) {
        damage = "UNKNOWN_LIFECYCLE"; // only a named worker can be an unknown one
      }
      String[] row = eventRow(e, damage, reordered);
      long line = csv.row(row);
      if (damage == null) {
        continue;
      }
      if (damage.equals("DUPLICATE")) {
        line = csv.row(row); // the copy is the redundant row; the first stays good
      }
      bad.record("work_events", csv.path(), Long.toString(line), damage);
      lastDamagedLine.put(site, line);
    }
  }

  private CsvFileWriter openEventFile(String site) {
    Path file = landing.resolve("work_events").resolve(day.toString()).resolve("events-" + site + ".csv");
    eventRngs.put(site, bad.rngFor(file));
    return new CsvFileWriter(file, site.equals("MNL")
        ? BackOfficeGenerator.WORK_EVENT_COLUMNS_REORDERED : BackOfficeGenerator.WORK_EVENT_COLUMNS);
  }

  private static String siteOf(SimulatedDay.Event e) {
    for (Site s : Site.ALL) {
      if (s.zone().equals(e.zone())) {
        return s.id();
      }
    }
    throw new IllegalStateException("No site has zone " + e.zone());
  }

  private static String[] eventRow(SimulatedDay.Event e, String damage, boolean reordered) {
    String eventId = e.eventId();
    String lifecycle = e.lifecycle();
    String ts = Timestamps.local(e.ts(), e.zone());
    String workerId = e.workerId();
    String automated = Boolean.toString(e.automated());
    if (damage != null) {
      switch (damage) {
        case "BAD_TIMESTAMP": ts = "2026-02-31 25:61"; break;
        case "UNKNOWN_LIFECYCLE": lifecycle = "FINISHED"; break;
        case "MISSING_KEY": eventId = ""; break;
        case "FUTURE_EVENT": ts = Timestamps.local(e.ts().plus(java.time.Duration.ofDays(400)), e.zone()); break;
        case "UNKNOWN_WORKER": workerId = "W9" + workerId.substring(1) + "X"; break;
        case "BAD_BOOLEAN": automated = "maybe"; break;
        default: break; // DUPLICATE: the row itself is fine, it comes twice
      }
    }
    String source = "caseflow";
    if (reordered) {
      return new String[] {ts, lifecycle, workerId, e.workItemId(), e.caseId(), eventId, e.task().name(), automated,
          e.attributes(), source};
    }
    return new String[] {eventId, source, e.caseId(), e.workItemId(), e.task().name(), workerId, lifecycle, ts,
        automated, e.attributes()};
  }

  /** Audits a sample of the day's completed items; failure odds come from the simulation. */
  void writeAudits(SimulatedDay sim, long seed, int dayIndex) {
    for (SimulatedDay.Completed c : sim.completed) {
      Rng rng = Rng.of(seed, 8, c.workItemId().hashCode(), dayIndex);
      if (!rng.chance(AUDIT_SHARE)) {
        continue;
      }
      boolean fail = rng.chance(c.failProbability());
      String[] categories = {"missing_document", "wrong_amount", "policy_breach", "data_entry"};
      String category = fail ? categories[rng.between(0, categories.length - 1)] : "";
      String severity = fail ? (rng.chance(0.6) ? "minor" : rng.chance(0.75) ? "major" : "critical") : "";
      String score = fail ? Integer.toString(rng.between(30, 79)) : Integer.toString(rng.between(85, 100));
      String outcome = fail ? "FAIL" : "PASS";
      String item = c.workItemId();
      String damage = bad.pick(auditRng, BadDataInjector.AUDIT_KINDS);
      if (damage != null) {
        switch (damage) {
          case "BAD_OUTCOME": outcome = "MAYBE"; break;
          case "SCORE_OUT_OF_RANGE": score = "150"; break;
          default: item = "WI-UNKNOWN-" + item; break;
        }
      }
      String auditedAt = Timestamps.utc(c.completedAt().plusSeconds(3600 + rng.between(0, 7200)));
      long line = audits.row("AU-" + c.workItemId(), item, String.format("A%03d", rng.between(1, 12)), auditedAt,
          outcome, score, category, severity);
      if (damage != null) {
        bad.record("audits", audits.path(), Long.toString(line), damage);
      }
    }
  }

  /** A machine nobody in the roster owns: every one of its events must be quarantined. */
  void writeGhostHost(ActivityExportWriter writer, int dayIndex) {
    String host = String.format("PC-GHOST-%03d", dayIndex + 1);
    java.time.Instant start = day.atTime(9, 0).atZone(java.time.ZoneOffset.UTC).toInstant();
    List<SimulatedDay.Window> windows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      windows.add(new SimulatedDay.Window(start.plusSeconds(i * 60L), 60.0, "Excel", "Book1 - Excel", null));
    }
    Path file = activityFile(host);
    writer.write(file, host, windows, List.of(new SimulatedDay.Afk(start, 300.0, false)));
    bad.record("activity", file, "*", "UNKNOWN_HOSTNAME");
  }

  @Override
  public void close() {
    for (Map.Entry<String, CsvFileWriter> entry : eventFiles.entrySet()) {
      CsvFileWriter csv = entry.getValue();
      // Now and then a delivery is cut off mid-row.
      boolean lastRowDamaged = lastDamagedLine.getOrDefault(entry.getKey(), -1L) == csv.lines();
      if (bad.enabled() && !lastRowDamaged && eventRngs.get(entry.getKey()).chance(Math.min(1.0, bad.rate() * 10)) && csv.lines() > 1) {
        bad.record("work_events", csv.path(), Long.toString(csv.lines()), "TRUNCATED_ROW");
        csv.truncateLastRow();
      }
      csv.close();
    }
    audits.close();
  }
}
