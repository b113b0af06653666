package io.engineroom.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Rule-based bots that clear part of a team's easiest queue: automated, credited to nobody. */
final class BotSimulator {
  private final long seed;

  BotSimulator(long seed) {
    this.seed = seed;
  }

  SimulatedDay simulate(Team team, LocalDate day, int dayIndex) {
    SimulatedDay out = new SimulatedDay();
    if (!team.taskMix().contains(PlantedEffects.BOT_TASK)) {
      return out;
    }
    Rng rng = Rng.of(seed, 4, team.index(), dayIndex);
    ZoneId zone = team.site().zone();
    Instant t = day.atTime(LocalTime.of(6, 0)).atZone(zone).toInstant();
    int items = (int) Math.round(PlantedEffects.BOT_ITEMS_PER_TEAM_DAY * rng.uniform(0.7, 1.3));
    for (int i = 1; i <= items; i++) {
      String key = String.format("%s-%03d-%03d", team.id(), dayIndex, i);
      String caseId = "CB-" + key;
      String item = "WIB-" + key;
      TaskType task = PlantedEffects.BOT_TASK;
      t = t.plusSeconds(rng.between(300, 2400));
      out.events.add(new SimulatedDay.Event("B" + key + "-1", caseId, item, task, "", "SCHEDULE",
          t.minusSeconds(rng.between(60, 3600)), zone, true, "{\"channel\": \"web\"}"));
      out.events.add(new SimulatedDay.Event("B" + key + "-2", caseId, item, task, "", "START", t, zone, true, ""));
      out.events.add(new SimulatedDay.Event("B" + key + "-3", caseId, item, task, "", "COMPLETE",
          t.plusSeconds(rng.between(5, 40)), zone, true, ""));
    }
    return out;
  }
}
