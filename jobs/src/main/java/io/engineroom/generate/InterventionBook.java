package io.engineroom.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes management made to the work (issue #17), each with its true effect on handle time,
 * which the simulation applies and the ground truth states:
 * <ul>
 *   <li>a tool for one team's task type (handle time × {@link PlantedEffects#TOOL_HANDLE_FACTOR});
 *   <li>the tool behind the drifting goal, for a task type in every team;
 *   <li>a training with no effect at all;
 *   <li>a process change whose treated work was already getting faster in the weeks before it (a
 *       planted pre-trend: a before/after comparison would credit the change with the trend);
 *   <li>the mid-period goal re-set (GoalBook), which changes the target and nothing else.
 * </ul>
 * Scopes name teams by position, so they exist at every size (at least four teams).
 */
final class InterventionBook {
  /** One row of the register, as the landing contract has it. */
  record Intervention(String id, String kind, String title, LocalDate effectiveDate, String teamId, String taskType,
      String siteId, double handleRatio, boolean preTrend) {}

  private final LocalDate periodStart;
  private final List<Intervention> all = new ArrayList<>();
  private final Intervention tool;
  private final Intervention preTrend;

  InterventionBook(Organisation org, GoalBook goals, WorkerDaySimulator simulator, LocalDate periodStart,
      int periodDays) {
    this.periodStart = periodStart;
    String toolTeam = org.teams.get(PlantedEffects.TOOL_TEAM_INDEX).id();
    tool = new Intervention("CHG-001", "tool", "KYC prefill tool goes live in " + toolTeam,
        mondayAtShare(periodDays, PlantedEffects.TOOL_AT_SHARE), toolTeam, PlantedEffects.TOOL_TASK.name(), "*",
        PlantedEffects.TOOL_HANDLE_FACTOR, false);
    all.add(tool);
    all.add(new Intervention("CHG-002", "tool", "Payments auto-match goes live", simulator.driftDate(), "*",
        PlantedEffects.DRIFTING_GOAL.name(), "*", PlantedEffects.DRIFT_HANDLE_FACTOR, false));
    String trainedTeam = org.teams.get(PlantedEffects.TRAINING_TEAM_INDEX).id();
    all.add(new Intervention("CHG-003", "training", "Claims writing course",
        mondayAtShare(periodDays, PlantedEffects.TRAINING_AT_SHARE), trainedTeam, "*", "*", 1.0, false));
    String trendTeam = org.teams.get(PlantedEffects.PRE_TREND_TEAM_INDEX).id();
    preTrend = new Intervention("CHG-004", "process_change", "Address-change checklist in " + trendTeam,
        mondayAtShare(periodDays, PlantedEffects.PRE_TREND_AT_SHARE), trendTeam, PlantedEffects.PRE_TREND_TASK.name(),
        "*", PlantedEffects.PRE_TREND_HANDLE_FACTOR, true);
    all.add(preTrend);
    all.add(new Intervention("CHG-005", "goal_change", "KYC daily target re-set to " + PlantedEffects.RETARGETED_TO,
        goals.retargetFrom(), "*", PlantedEffects.RETARGETED_GOAL.name(), "*", 1.0, false));
  }

  /**
   * Multiplier on handle time from the team tool and the pre-trending process change (the payments
   * tool is the simulator's drift). The pre-trend falls linearly from the period start to its full
   * size on the change's date, then stays: the change itself adds nothing.
   */
  double handleFactor(TaskType task, Team team, LocalDate day) {
    double factor = 1.0;
    if (applies(tool, task, team) && !day.isBefore(tool.effectiveDate())) {
      factor *= tool.handleRatio();
    }
    if (applies(preTrend, task, team)) {
      double span = java.time.temporal.ChronoUnit.DAYS.between(periodStart, preTrend.effectiveDate());
      double progress = Math.min(1.0, Math.max(0.0,
          java.time.temporal.ChronoUnit.DAYS.between(periodStart, day) / Math.max(1.0, span)));
      factor *= 1.0 - (1.0 - preTrend.handleRatio()) * progress;
    }
    return factor;
  }

  /** The register as known on {@code asOf}: a change is announced two weeks before it takes effect. */
  List<String[]> rowsAsOf(LocalDate asOf) {
    List<String[]> rows = new ArrayList<>();
    for (Intervention i : all) {
      if (!i.effectiveDate().isAfter(asOf.plusDays(14))) {
        rows.add(new String[] {i.id(), i.kind(), i.title(), i.effectiveDate().toString(), i.teamId(), i.taskType(),
            i.siteId()});
      }
    }
    return rows;
  }

  /** The manifest entries: what each change truly did to handle time per item. */
  List<Object> truth() {
    List<Object> out = new ArrayList<>();
    for (Intervention i : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("intervention_id", i.id());
      m.put("kind", i.kind());
      m.put("effective_date", i.effectiveDate().toString());
      m.put("team_id", i.teamId());
      m.put("task_type", i.taskType());
      m.put("true_handle_time_ratio", i.preTrend() ? null : i.handleRatio());
      m.put("planted_pre_trend", i.preTrend());
      if (i.kind().equals("goal_change")) {
        m.put("true_attainment_ratio",
            (double) PlantedEffects.RETARGETED_GOAL.dailyTarget / PlantedEffects.RETARGETED_TO);
      }
      out.add(m);
    }
    return out;
  }

  private static boolean applies(Intervention i, TaskType task, Team team) {
    return i.taskType().equals(task.name()) && (i.teamId().equals("*") || i.teamId().equals(team.id()));
  }

  private LocalDate mondayAtShare(int periodDays, double share) {
    LocalDate d = periodStart.plusDays((long) (periodDays * share));
    while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
      d = d.plusDays(1);
    }
    return d;
  }
}
