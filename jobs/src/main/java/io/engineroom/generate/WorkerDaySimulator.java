package io.engineroom.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Simulates one worker's day at their desk: the apps they use, when they step away, and the work
 * items they open, suspend, finish, redo or abandon. All planted behaviour enters here through the
 * worker's hidden traits and {@link PlantedEffects}; nothing downstream knows about it.
 */
final class WorkerDaySimulator {
  /** Customers named in window titles, as real titles name them: data that must not be kept. */
  static final String[] CUSTOMERS = {"Maria Santos", "Jan de Vries", "John Miller", "Ana Reyes",
      "Pieter Jansen", "Chidi Okafor", "Lucia Garcia", "Eva Bakker", "Jose Cruz", "Emma Smith"};

  private final long seed;
  private final GoalBook goals;
  private final LocalDate periodStart;
  private final int periodDays;
  private InterventionBook interventions;

  WorkerDaySimulator(long seed, GoalBook goals, LocalDate periodStart, int periodDays) {
    this.seed = seed;
    this.goals = goals;
    this.periodStart = periodStart;
    this.periodDays = periodDays;
  }

  SimulatedDay simulate(Worker worker, TaskType task, List<TeamDayPlan.Handover> handovers, LocalDate day,
      int dayIndex) {
    return new Run(worker, task, handovers, day, dayIndex).play();
  }

  /** The register whose changes act on handle time; set once, before the first day is simulated. */
  void actOn(InterventionBook book) {
    this.interventions = book;
  }

  /** Multiplier on handle time for the drifting goal: a tool change makes the work faster. */
  double driftFactor(TaskType task, LocalDate day) {
    if (task != PlantedEffects.DRIFTING_GOAL) {
      return 1.0;
    }
    return day.isBefore(driftDate()) ? 1.0 : PlantedEffects.DRIFT_HANDLE_FACTOR;
  }

  /** The Monday on or after the planted share of the period: the drift lands at a week boundary. */
  LocalDate driftDate() {
    LocalDate d = periodStart.plusDays((long) (periodDays * PlantedEffects.DRIFT_AT_SHARE));
    while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The state of one simulated day; a new one per worker-day keeps the simulator reentrant. */
  private final class Run {
    private final Worker w;
    private final TaskType task;
    private final Deque<TeamDayPlan.Handover> handovers;
    private final LocalDate day;
    private final int dayIndex;
    private final ZoneId zone;
    private final Rng rng;
    private final SimulatedDay out = new SimulatedDay();
    private final Instant shiftEnd;
    private final Instant shiftStart;
    private final long tenureDays;
    private Instant t;
    private int seq;
    private int itemSeq;
    private int completedOfTask;
    private boolean lunchTaken;
    private boolean coasting;
    private String pendingRework;
    private String pendingReworkCase;
    private double pendingReworkSeconds;

    Run(Worker w, TaskType task, List<TeamDayPlan.Handover> handovers, LocalDate day, int dayIndex) {
      this.w = w;
      this.task = task;
      this.handovers = new ArrayDeque<>(handovers == null ? List.of() : handovers);
      this.day = day;
      this.dayIndex = dayIndex;
      this.zone = w.teamOn(day).site().zone();
      this.rng = Rng.of(seed, 3, w.index, dayIndex);
      this.shiftStart = day.atTime(w.teamOn(day).site().shiftStart()).atZone(zone).toInstant();
      long lunchMinutes = w.shiftHours >= 8 ? 45 : 0;
      this.shiftEnd = shiftStart.plus(Duration.ofHours(w.shiftHours)).plus(Duration.ofMinutes(lunchMinutes));
      this.tenureDays = ChronoUnit.DAYS.between(w.hireDate, day);
      this.t = shiftStart.plusSeconds(rng.between(-600, 720));
    }

    SimulatedDay play() {
      use("Outlook", "Inbox - " + w.id.toLowerCase(Locale.ROOT) + "@bank.example - Outlook", rng.uniform(240, 900));
      int target = goals.dailyTarget(task, w.teamOn(day).id(), day);
      double shiftSeconds = w.shiftHours * 3600.0;
      while (t.isBefore(shiftEnd.minusSeconds(300))) {
        maybeTakeLunch();
        maybeStepAway();
        if (!handovers.isEmpty() && !t.isBefore(localTime(handovers.peek().due()))) {
          handoverItem(handovers.poll());
          continue;
        }
        if (coasting) {
          coast();
          continue;
        }
        if (pendingRework != null && rng.chance(0.5)) {
          rework();
          continue;
        }
        double roll = rng.uniform();
        if (roll < 0.04) {
          suspendedForAnother();
        } else if (roll < 0.06) {
          overlapping();
        } else if (roll < 0.07) {
          aborted();
        } else {
          ordinaryItem(task);
        }
        gap();
        double elapsed = Duration.between(shiftStart, t).getSeconds();
        if (completedOfTask >= target && elapsed < PlantedEffects.COAST_IF_DONE_WITHIN_SHARE * shiftSeconds
            && rng.chance(PlantedEffects.COAST_PROBABILITY)) {
          coasting = true;
        }
      }
      use("Outlook", "Inbox - Outlook", rng.uniform(120, 420));
      buildAfkTrack();
      return out;
    }

    private Instant localTime(java.time.LocalTime time) {
      return day.atTime(time).atZone(zone).toInstant();
    }

    // ---- items ------------------------------------------------------------------------------

    private double handleSecondsFor(TaskType type, boolean bestPractice, boolean slowApp) {
      double h = type.standardSeconds * w.pace * rng.logNormal(0.30)
          * PlantedEffects.rampUpHandleFactor(tenureDays) * driftFactor(type, day)
          * interventions.handleFactor(type, w.teamOn(day), day);
      if (bestPractice) {
        h *= PlantedEffects.BEST_PRACTICE_HANDLE_FACTOR;
      }
      if (slowApp) {
        h *= PlantedEffects.SLOW_APP_HANDLE_FACTOR;
      }
      return Math.max(20, h);
    }

    private String[] stepsFor(TaskType type, boolean bestPractice, boolean slowApp) {
      if (bestPractice) {
        return PlantedEffects.BEST_PRACTICE_STEPS;
      }
      if (slowApp) {
        String[] steps = type.usualSteps.clone();
        steps[steps.length - 1] = PlantedEffects.SLOW_APP;
        return steps;
      }
      return type.usualSteps;
    }

    private void ordinaryItem(TaskType type) {
      ItemIds ids = newItem();
      boolean bp = type == PlantedEffects.BEST_PRACTICE_TASK && rng.chance(w.bestPracticeAdopter
          ? PlantedEffects.BEST_PRACTICE_USE_BY_ADOPTERS : PlantedEffects.BEST_PRACTICE_USE_BY_OTHERS);
      boolean slow = type == PlantedEffects.SLOW_APP_TASK && rng.chance(PlantedEffects.SLOW_APP_USE);
      double h = handleSecondsFor(type, bp, slow);
      scheduleAndAssign(ids, type);
      event(ids, type, "START");
      work(ids, stepsFor(type, bp, slow), h);
      complete(ids, type, h);
      if (type == PlantedEffects.PROCEDURAL_PROBLEM_TASK && pendingRework == null
          && rng.chance(PlantedEffects.REWORK_SHARE)) {
        pendingRework = ids.item;
        pendingReworkSeconds = h * rng.uniform(0.3, 0.6);
        pendingReworkCase = ids.caseId;
      }
    }

    /** The same item opened again after completion: the rework loop. */
    private void rework() {
      ItemIds ids = new ItemIds(pendingReworkCase, pendingRework);
      event(ids, task, "START");
      work(ids, task.usualSteps, pendingReworkSeconds);
      event(ids, task, "COMPLETE");
      out.handleSeconds += pendingReworkSeconds;
      pendingRework = null;
    }

    /** Item A is suspended, item B done in full, then A resumed: handle time excludes the wait. */
    private void suspendedForAnother() {
      ItemIds a = newItem();
      double h = handleSecondsFor(task, false, false);
      scheduleAndAssign(a, task);
      event(a, task, "START");
      double firstPart = h * rng.uniform(0.2, 0.6);
      work(a, new String[] {task.coreApp()}, firstPart);
      event(a, task, "SUSPEND");
      ordinaryItem(task);
      event(a, task, "RESUME");
      work(a, task.usualSteps, h - firstPart);
      complete(a, task, h);
    }

    /** Item B started and finished while A stays open: intervals overlap, wall time does not. */
    private void overlapping() {
      ItemIds a = newItem();
      double h = handleSecondsFor(task, false, false);
      scheduleAndAssign(a, task);
      event(a, task, "START");
      work(a, new String[] {task.coreApp()}, h * 0.5);
      ordinaryItem(task);
      work(a, task.usualSteps, h * 0.5);
      complete(a, task, h);
    }

    private void aborted() {
      ItemIds ids = newItem();
      scheduleAndAssign(ids, task);
      event(ids, task, "START");
      work(ids, new String[] {task.coreApp()}, rng.uniform(30, 200));
      event(ids, task, "ABORT");
    }

    private void handoverItem(TeamDayPlan.Handover h) {
      ItemIds ids = new ItemIds(h.caseId(), h.workItemId());
      TaskType type = PlantedEffects.PROCEDURAL_PROBLEM_TASK;
      double seconds = handleSecondsFor(type, false, false) * 0.5;
      scheduleAndAssign(ids, type);
      event(ids, type, "START");
      work(ids, type.usualSteps, seconds);
      complete(ids, type, seconds);
      gap();
    }

    private void scheduleAndAssign(ItemIds ids, TaskType type) {
      Instant scheduled = t.minusSeconds((long) (3 * 3600 * rng.logNormal(0.8)));
      out.events.add(new SimulatedDay.Event(nextEventId(), ids.caseId, ids.item, type, "", "SCHEDULE",
          scheduled, zone, true, attributes(type)));
      out.events.add(new SimulatedDay.Event(nextEventId(), ids.caseId, ids.item, type, w.id, "ASSIGN",
          t.minusSeconds(rng.between(1, 90)), zone, false, ""));
    }

    private void complete(ItemIds ids, TaskType type, double handle) {
      event(ids, type, "COMPLETE");
      out.handleSeconds += handle;
      out.earnedSeconds += type.standardSeconds;
      if (type == task) {
        completedOfTask++;
      }
      double fail = Math.min(0.95, type.baseFailRate * w.failFactor * PlantedEffects.rampUpFailFactor(tenureDays));
      out.completed.add(new SimulatedDay.Completed(ids.item, type, w.id, t, fail));
    }

    private void event(ItemIds ids, TaskType type, String lifecycle) {
      out.events.add(new SimulatedDay.Event(nextEventId(), ids.caseId, ids.item, type, w.id, lifecycle, t, zone,
          false, ""));
    }

    /** Spends the handle time across the steps' applications, in order. */
    private void work(ItemIds ids, String[] steps, double seconds) {
      double[] weights = new double[steps.length];
      double sum = 0;
      for (int i = 0; i < steps.length; i++) {
        weights[i] = rng.uniform(0.5, 1.5);
        sum += weights[i];
      }
      for (int i = 0; i < steps.length; i++) {
        use(steps[i], titleFor(steps[i], ids), seconds * weights[i] / sum);
      }
    }

    private ItemIds newItem() {
      itemSeq++;
      String key = String.format("%05d-%03d-%03d", w.index + 1, dayIndex, itemSeq);
      return new ItemIds("C-" + key, "WI-" + key);
    }

    private String nextEventId() {
      return String.format("E%05d-%03d-%04d", w.index + 1, dayIndex, ++seq);
    }

    private String attributes(TaskType type) {
      String channel = rng.pick(new String[] {"mail", "web", "phone"});
      if (type == TaskType.ADDRESS_CHANGE || type == TaskType.KYC_REVIEW || type == TaskType.COMPLAINT_RESPONSE) {
        return "{\"channel\": \"" + channel + "\"}";
      }
      return "{\"amount\": " + (500 + rng.between(0, 99) * 250) + ", \"channel\": \"" + channel + "\"}";
    }

    // ---- the desktop ------------------------------------------------------------------------

    private final List<Instant[]> awaySpans = new ArrayList<>();

    private void use(String app, String title, double seconds) {
      double rounded = Math.round(seconds * 1000.0) / 1000.0;
      out.windows.add(new SimulatedDay.Window(t, rounded, app, title, null));
      t = t.plusMillis(Math.round(rounded * 1000));
    }

    private void browse(String url, String title, double seconds) {
      double rounded = Math.round(seconds * 1000.0) / 1000.0;
      out.windows.add(new SimulatedDay.Window(t, rounded, "chrome.exe", title + " - Google Chrome", url));
      t = t.plusMillis(Math.round(rounded * 1000));
    }

    private void away(double seconds) {
      Instant from = t;
      use("LockApp.exe", "Windows Default Lock Screen", seconds);
      awaySpans.add(new Instant[] {from, t});
    }

    private void gap() {
      double roll = rng.uniform();
      if (roll < 0.7) {
        use("Outlook", "Inbox - Outlook", rng.uniform(10, 90));
      } else if (roll < 0.85) {
        browse("https://intranet.bank.example/procedures/" + task.name().toLowerCase(Locale.ROOT),
            "Procedures - Intranet", rng.uniform(20, 120));
      } else if (roll < 0.93) {
        use("Teams", "Chat | Microsoft Teams", rng.uniform(30, 240));
      } else {
        use("Spotify", "Spotify Premium", rng.uniform(5, 30));
      }
    }

    private void coast() {
      String[][] sites = {{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube"},
          {"https://news.example.com/today", "Today's headlines - News"},
          {"https://shop.example.com/cart", "Your cart - Shop"}};
      String[] site = sites[rng.between(0, sites.length - 1)];
      browse(site[0], site[1], rng.uniform(300, 1500));
      if (rng.chance(0.3)) {
        ordinaryItem(task);
      }
      use("Outlook", "Inbox - Outlook", rng.uniform(30, 300));
    }

    private void maybeTakeLunch() {
      if (!lunchTaken && w.shiftHours >= 8 && t.isAfter(shiftStart.plus(Duration.ofMinutes(230)))) {
        lunchTaken = true;
        away(rng.uniform(40, 55) * 60);
      }
    }

    private void maybeStepAway() {
      if (rng.chance(0.025)) {
        away(rng.uniform(4, 15) * 60);
      }
    }

    private String titleFor(String app, ItemIds ids) {
      String customer = CUSTOMERS[Math.floorMod(ids.item.hashCode(), CUSTOMERS.length)];
      switch (app) {
        case "Outlook": return "RE: " + ids.caseId + " - " + customer + " - Outlook";
        case "Excel": return "calc_" + ids.item + ".xlsx - Excel";
        case "Word": return "letter_" + customer.replace(' ', '_') + ".docx - Word";
        case "ClaimsGuide": return "ClaimsGuide - Intake checklist";
        case "LegacyTerminal": return "LegacyTerminal - 3270 session A - " + ids.caseId;
        default: return app + " - " + ids.caseId + " - " + customer;
      }
    }

    /** The afk watcher's view: not-afk from the first to the last window, afk during breaks. */
    private void buildAfkTrack() {
      if (out.windows.isEmpty()) {
        return;
      }
      Instant cursor = out.windows.get(0).start();
      for (Instant[] span : awaySpans) {
        out.afk.add(new SimulatedDay.Afk(cursor, seconds(cursor, span[0]), false));
        out.afk.add(new SimulatedDay.Afk(span[0], seconds(span[0], span[1]), true));
        cursor = span[1];
      }
      out.afk.add(new SimulatedDay.Afk(cursor, seconds(cursor, t), false));
    }

    private double seconds(Instant from, Instant to) {
      return Duration.between(from, to).toMillis() / 1000.0;
    }
  }

  private record ItemIds(String caseId, String item) {}
}
