package io.engineroom.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The goal table management has set, effective-dated, with one target re-set mid-period. */
final class GoalBook {
  static final double QUALITY_PASS_GOAL = 0.95;
  private final LocalDate introduced;
  private final LocalDate retargetFrom;

  GoalBook(LocalDate periodStart, int periodDays) {
    this.introduced = periodStart.minusDays(365);
    this.retargetFrom = periodStart.plusDays(periodDays / 2);
  }

  LocalDate retargetFrom() {
    return retargetFrom;
  }

  int dailyTarget(TaskType task, String teamId, LocalDate day) {
    if (task == PlantedEffects.RETARGETED_GOAL && !day.isBefore(retargetFrom)) {
      return PlantedEffects.RETARGETED_TO;
    }
    return task.dailyTarget;
  }

  /** The full goal table as known on {@code asOf}: the re-set row exists only once decided. */
  List<String[]> rowsAsOf(LocalDate asOf) {
    List<String[]> rows = new ArrayList<>();
    for (TaskType task : TaskType.values()) {
      String name = task.name().toLowerCase();
      boolean retargeted = task == PlantedEffects.RETARGETED_GOAL && !asOf.isBefore(retargetFrom);
      rows.add(new String[] {"G-" + name + "-items-1", "*", task.name(), "daily_items",
          Integer.toString(task.dailyTarget), introduced.toString(),
          retargeted ? retargetFrom.minusDays(1).toString() : ""});
      if (retargeted) {
        rows.add(new String[] {"G-" + name + "-items-2", "*", task.name(), "daily_items",
            Integer.toString(PlantedEffects.RETARGETED_TO), retargetFrom.toString(), ""});
      }
      rows.add(new String[] {"G-" + name + "-std-1", "*", task.name(), "standard_handle_seconds",
          Integer.toString(task.standardSeconds), introduced.toString(), ""});
      rows.add(new String[] {"G-" + name + "-quality-1", "*", task.name(), "quality_pass_rate",
          Double.toString(QUALITY_PASS_GOAL), introduced.toString(), ""});
    }
    return rows;
  }
}
