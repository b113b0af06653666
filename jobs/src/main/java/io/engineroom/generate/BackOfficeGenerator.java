package io.engineroom.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writes a synthetic back office as landing files (CONTRACTS.md), day by day and team by team, so
 * memory does not grow with workers or days. The planted truth goes to {@code _truth/}, which is
 * outside every contract folder and so never ingested.
 */
public final class BackOfficeGenerator {
  /** The customer names the simulated window titles carry (for privacy tests: none may be stored). */
  public static java.util.List<String> customerNamesInTitles() {
    return java.util.List.of(WorkerDaySimulator.CUSTOMERS);
  }

  static final String[] WORK_EVENT_COLUMNS = {"event_id", "source_system", "case_id", "work_item_id", "task_type",
      "worker_id", "lifecycle", "ts", "automated", "attributes"};
  /** One site's system exports its columns in another order: the contract allows any order. */
  static final String[] WORK_EVENT_COLUMNS_REORDERED = {"ts", "lifecycle", "worker_id", "work_item_id", "case_id",
      "event_id", "task_type", "automated", "attributes", "source_system"};
  private static final double LATE_SHARE = 0.03;
  private static final double OVERLAP_SHARE = 0.15;

  private final GeneratorOptions options;
  private final Consumer<String> progress;

  public BackOfficeGenerator(GeneratorOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Generates everything and returns a short summary of what was written. */
  public GenerationSummary run() {
    long began = System.nanoTime();
    Path landing = options.landing();
    Organisation org = Organisation.build(options.workers(), options.start(), options.days(), options.seed());
    GoalBook goals = new GoalBook(options.start(), options.days());
    WorkerDaySimulator simulator = new WorkerDaySimulator(options.seed(), goals, options.start(), options.days());
    InterventionBook interventions = new InterventionBook(org, goals, simulator, options.start(), options.days());
    simulator.actOn(interventions);
    BotSimulator bots = new BotSimulator(options.seed());
    GenerationSummary summary = new GenerationSummary();
    Map<String, TeamMonthOutcome> outcomes = new TreeMap<>();
    Map<Worker, List<SimulatedDay.Window>> yesterdaysTail = new HashMap<>();
    List<LateDelivery> late = new ArrayList<>();
    Path truthDir = landing.resolve("_truth");

    AppCategories.write(landing.resolve("reference").resolve("app_categories.csv"));
    try (BadDataInjector bad = new BadDataInjector(options.badRate(), options.seed(), landing, truthDir)) {
      ActivityExportWriter activityWriter = new ActivityExportWriter(bad,
          options.start().minusDays(30).atStartOfDay(ZoneId.of("UTC")).toInstant());
      for (int d = 0; d < options.days(); d++) {
        LocalDate day = options.start().plusDays(d);
        boolean lastDay = d == options.days() - 1;
        writeRoster(landing, org, day);
        writeGoals(landing, goals, day);
        writeInterventions(landing, interventions, day);
        Map<Team, List<Worker>> members = membersByTeam(org, day);
        DayFiles files = new DayFiles(landing, day, bad);
        for (LateDelivery l : late) {
          files.writeEvents(l.day().events);
          files.writeAudits(l.day(), options.seed(), l.dayIndex());
        }
        late.clear();
        for (Team team : org.teams) {
          TeamDayPlan plan = TeamDayPlan.make(options.seed(), team, members.get(team), day, d);
          boolean weekend = isWeekend(day);
          for (Map.Entry<Worker, TaskType> entry : plan.taskOf.entrySet()) {
            Worker w = entry.getKey();
            if (weekend) {
              continue;
            }
            SimulatedDay sim = simulator.simulate(w, entry.getValue(), plan.handoversOf.get(w), day, d);
            // A few worker-days reach the landing zone a day late, events and audits together.
            boolean isLate = !lastDay && Rng.hashUniform(options.seed(), 6, w.index, d) < LATE_SHARE;
            if (isLate) {
              late.add(new LateDelivery(sim, d));
            } else {
              files.writeEvents(sim.events);
              files.writeAudits(sim, options.seed(), d);
            }
            List<SimulatedDay.Window> export = new ArrayList<>(yesterdaysTail.getOrDefault(w, List.of()));
            export.addAll(sim.windows);
            activityWriter.write(files.activityFile(w.primaryHost), w.primaryHost, export, sim.afk);
            yesterdaysTail.put(w, tail(sim.windows));
            outcomes.computeIfAbsent(YearMonth.from(day) + "|" + team.id(), k -> new TeamMonthOutcome()).add(sim);
            summary.workerDays++;
            summary.events += sim.events.size();
            summary.windowEvents += sim.windows.size();
          }
          if (!weekend) {
            SimulatedDay botDay = bots.simulate(team, day, d);
            files.writeEvents(botDay.events);
            summary.events += botDay.events.size();
          }
        }
        if (bad.enabled()) {
          files.writeGhostHost(activityWriter, d);
        }
        files.close();
        if (d == 1) {
          redeliver(landing, options.start(), day, summary);
        }
        summary.days++;
        if (lastDay || YearMonth.from(day.plusDays(1)).isAfter(YearMonth.from(day))) {
          writeOutcomes(landing, org, YearMonth.from(day), outcomes);
        }
        progress.accept(String.format("generate: day %d/%d (%s) done, %,d worker-days, %,d events so far",
            d + 1, options.days(), day, summary.workerDays, summary.events));
      }
      new GroundTruth(options, org, goals, simulator, interventions, bad, summary)
          .write(truthDir.resolve("manifest.json"));
    }
    summary.seconds = (System.nanoTime() - began) / 1e9;
    return summary;
  }

  private record LateDelivery(SimulatedDay day, int dayIndex) {}

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static Map<Team, List<Worker>> membersByTeam(Organisation org, LocalDate day) {
    Map<Team, List<Worker>> members = new LinkedHashMap<>();
    for (Team team : org.teams) {
      members.put(team, new ArrayList<>());
    }
    for (Worker w : org.workers) {
      if (w.employedOn(day)) {
        members.get(w.teamOn(day)).add(w);
      }
    }
    return members;
  }

  /** The last part of a day's desktop events, repeated at the start of the next export. */
  private static List<SimulatedDay.Window> tail(List<SimulatedDay.Window> windows) {
    int from = (int) Math.floor(windows.size() * (1.0 - OVERLAP_SHARE));
    return List.copyOf(windows.subList(from, windows.size()));
  }

  private static void writeRoster(Path landing, Organisation org, LocalDate day) {
    Path file = landing.resolve("roster").resolve(day.toString()).resolve("roster.csv");
    try (CsvFileWriter csv = new CsvFileWriter(file, "worker_id", "display_name", "team_id", "team_name", "manager_id",
        "site_id", "site_timezone", "role", "hire_date", "termination_date", "hostnames", "shift_start", "shift_hours",
        "loaded_cost_per_hour", "currency", "fte")) {
      for (Team team : org.teams) {
        Site site = team.site();
        csv.row(team.managerId(), "Lead of " + team.name(), team.id(), team.name(), "", site.id(), site.zone().getId(),
            "team_lead", org.start.minusYears(5).toString(), "", "PC-" + site.id() + "-" + team.managerId(),
            site.shiftStart().toString(), "8", Double.toString(Math.round(site.costPerHour() * 130) / 100.0),
            site.currency(), "1.0");
      }
      for (Worker w : org.workers) {
        if (!w.employedOn(day)) {
          continue;
        }
        Team team = w.teamOn(day);
        Site site = team.site();
        csv.row(w.id, w.displayName, team.id(), team.name(), team.managerId(), site.id(), site.zone().getId(), "agent",
            w.hireDate.toString(), w.terminationDate == null ? "" : w.terminationDate.toString(), w.hostnames(),
            site.shiftStart().toString(), Integer.toString(w.shiftHours), Double.toString(w.costPerHour(site)),
            site.currency(), w.shiftHours == 8 ? "1.0" : "0.75");
      }
    }
  }

  private static void writeGoals(Path landing, GoalBook goals, LocalDate day) {
    Path file = landing.resolve("goals").resolve(day.toString()).resolve("goals.csv");
    try (CsvFileWriter csv = new CsvFileWriter(file, "goal_id", "team_id", "task_type", "metric", "target",
        "effective_from", "effective_to")) {
      for (String[] row : goals.rowsAsOf(day)) {
        csv.row(row);
      }
    }
  }

  private static void writeInterventions(Path landing, InterventionBook interventions, LocalDate day) {
    Path file = landing.resolve("interventions").resolve(day.toString()).resolve("interventions.csv");
    try (CsvFileWriter csv = new CsvFileWriter(file, "intervention_id", "kind", "title", "effective_date", "team_id",
        "task_type", "site_id")) {
      for (String[] row : interventions.rowsAsOf(day)) {
        csv.row(row);
      }
    }
  }

  private void writeOutcomes(Path landing, Organisation org, YearMonth month, Map<String, TeamMonthOutcome> outcomes) {
    Path file = landing.resolve("outcomes").resolve(month.toString()).resolve("outcomes.csv");
    try (CsvFileWriter csv = new CsvFileWriter(file, "month", "team_id", "csat", "retention_rate", "complaints",
        "revenue", "currency", "remediation_cost_per_error")) {
      for (Team team : org.teams) {
        TeamMonthOutcome outcome = outcomes.get(month + "|" + team.id());
        if (outcome != null) {
          csv.row(outcome.row(month.toString(), team, Rng.of(options.seed(), 7, team.index(), month.getMonthValue())));
        }
      }
    }
  }

  /** The same export delivered twice: yesterday's file arrives again under another name. */
  private static void redeliver(Path landing, LocalDate first, LocalDate day, GenerationSummary summary) {
    Path original = landing.resolve("work_events").resolve(first.toString()).resolve("events-AMS.csv");
    Path copy = landing.resolve("work_events").resolve(day.toString()).resolve("events-AMS-resent.csv");
    try {
      if (Files.exists(original)) {
        Files.copy(original, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        summary.redeliveredFiles.add(landing.relativize(copy).toString());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
