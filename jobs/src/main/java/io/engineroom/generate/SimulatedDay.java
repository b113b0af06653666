package io.engineroom.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What one worker (or a team's bots) produced on one day, before it is written out. */
final class SimulatedDay {
  /** A work-item lifecycle event. Time zone kept so the file carries the site's local offset. */
  record Event(String eventId, String caseId, String workItemId, TaskType task, String workerId,
      String lifecycle, Instant ts, ZoneId zone, boolean automated, String attributes) {}

  /** A focused-window span (ActivityWatch currentwindow); url is set for browser tabs. */
  record Window(Instant start, double seconds, String app, String title, String url) {}

  /** An afk-watcher span. */
  record Afk(Instant start, double seconds, boolean afk) {}

  /** A completed item, for the audit sample. */
  record Completed(String workItemId, TaskType task, String workerId, Instant completedAt, double failProbability) {}

  final List<Event> events = new ArrayList<>();
  final List<Window> windows = new ArrayList<>();
  final List<Afk> afk = new ArrayList<>();
  final List<Completed> completed = new ArrayList<>();
  /** Handle seconds and failure expectation, summed for the monthly outcomes. */
  double handleSeconds;
  double earnedSeconds;
}
