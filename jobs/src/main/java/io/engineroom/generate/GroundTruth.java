package io.engineroom.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest of planted truth: what the analytics must find, stated in the terms of the marts
 * (task types, worker ids, weeks), never in terms of how the generator produced it.
 */
final class GroundTruth {
  private final GeneratorOptions options;
  private final Organisation org;
  private final GoalBook goals;
  private final WorkerDaySimulator simulator;
  private final InterventionBook interventions;
  private final BadDataInjector bad;
  private final GenerationSummary summary;

  GroundTruth(GeneratorOptions options, Organisation org, GoalBook goals, WorkerDaySimulator simulator,
      InterventionBook interventions, BadDataInjector bad, GenerationSummary summary) {
    this.options = options;
    this.org = org;
    this.goals = goals;
    this.simulator = simulator;
    this.interventions = interventions;
    this.bad = bad;
    this.summary = summary;
  }

  void write(Path file) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", options.seed());
    m.put("workers", options.workers());
    m.put("start", options.start().toString());
    m.put("days", options.days());
    m.put("sites", sites());
    m.put("goals", goalVerdicts());
    m.put("goal_changes", List.of(map("task_type", PlantedEffects.RETARGETED_GOAL.name(), "metric", "daily_items",
        "from_target", PlantedEffects.RETARGETED_GOAL.dailyTarget, "to_target", PlantedEffects.RETARGETED_TO,
        "effective_from", goals.retargetFrom().toString())));
    m.put("interventions", interventions.truth());
    m.put("slow_workers", ids(Worker::isPlantedSlow));
    m.put("low_quality_workers", ids(w -> w.lowQuality));
    m.put("hard_mix_workers", hardMixWorkers());
    m.put("best_practice", map("task_type", PlantedEffects.BEST_PRACTICE_TASK.name(),
        "apps", Arrays.asList(PlantedEffects.BEST_PRACTICE_STEPS),
        "categories", List.of("core_system", "knowledge", "core_system"),
        "handle_time_factor", PlantedEffects.BEST_PRACTICE_HANDLE_FACTOR,
        "median_seconds_saved_at_standard",
        Math.round(PlantedEffects.BEST_PRACTICE_TASK.standardSeconds * (1 - PlantedEffects.BEST_PRACTICE_HANDLE_FACTOR)),
        "adopters", ids(w -> w.bestPracticeAdopter)));
    m.put("procedural_problems", map("task_type", PlantedEffects.PROCEDURAL_PROBLEM_TASK.name(),
        "rework_share_of_items", PlantedEffects.REWORK_SHARE,
        "ping_pong_cases_per_team_day", PlantedEffects.PING_PONG_CASES_PER_TEAM_DAY,
        "ping_pong_case_prefix", "CPP-"));
    m.put("slow_app", map("task_type", PlantedEffects.SLOW_APP_TASK.name(), "app", PlantedEffects.SLOW_APP,
        "handle_time_factor", PlantedEffects.SLOW_APP_HANDLE_FACTOR));
    m.put("ramp_up", map("extra_handle_share_at_hire", PlantedEffects.RAMP_UP_EXTRA_HANDLE,
        "extra_fail_share_at_hire", PlantedEffects.RAMP_UP_EXTRA_FAIL, "tau_days", PlantedEffects.RAMP_UP_TAU_DAYS,
        "new_hires", ids(w -> !w.hireDate.isBefore(options.start().minusDays(30)))));
    m.put("bots", map("task_type", PlantedEffects.BOT_TASK.name(), "items_per_team_day",
        PlantedEffects.BOT_ITEMS_PER_TEAM_DAY));
    m.put("team_moves", teamMoves());
    m.put("leavers", ids(w -> w.terminationDate != null));
    m.put("redelivered_files", summary.redeliveredFiles);
    m.put("bad_data", map("rate", bad.rate(), "rows_file", "bad_rows.jsonl", "counts", bad.counts()));
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private List<Object> goalVerdicts() {
    List<Object> out = new ArrayList<>();
    for (TaskType task : TaskType.values()) {
      Map<String, Object> g = map("task_type", task.name(), "metric", "daily_items");
      if (task == PlantedEffects.TOO_EASY_GOAL) {
        g.put("planted_verdict", "TOO_EASY");
      } else if (task == PlantedEffects.TOO_HARD_GOAL) {
        g.put("planted_verdict", "TOO_HARD");
      } else if (task == PlantedEffects.DRIFTING_GOAL) {
        g.put("planted_verdict_before", "APPROPRIATE");
        g.put("planted_verdict_after", "TOO_EASY");
        g.put("drift_date", simulator.driftDate().toString());
        g.put("drift_iso_week", isoWeek(simulator.driftDate()));
      } else if (PlantedEffects.APPROPRIATE_GOALS.contains(task)) {
        g.put("planted_verdict", "APPROPRIATE");
      }
      out.add(g);
    }
    return out;
  }

  private static String isoWeek(java.time.LocalDate d) {
    return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private List<Object> sites() {
    List<Object> out = new ArrayList<>();
    for (Site s : Site.ALL) {
      out.add(map("site_id", s.id(), "timezone", s.zone().getId(), "currency", s.currency()));
    }
    return out;
  }

  private List<String> hardMixWorkers() {
    return ids(w -> !w.lowQuality && w.moveDate == null
        && w.team.taskMix().contains(PlantedEffects.HARD_MIX_TASK));
  }

  private List<Object> teamMoves() {
    List<Object> out = new ArrayList<>();
    for (Worker w : org.workers) {
      if (w.moveDate != null) {
        out.add(map("worker_id", w.id, "date", w.moveDate.toString(), "from_team", w.team.id(), "to_team",
            w.newTeam.id()));
      }
    }
    return out;
  }

  private List<String> ids(java.util.function.Predicate<Worker> filter) {
    List<String> out = new ArrayList<>();
    for (Worker w : org.workers) {
      if (filter.test(w)) {
        out.add(w.id);
      }
    }
    return out;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
