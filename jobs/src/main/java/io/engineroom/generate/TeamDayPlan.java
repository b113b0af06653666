package io.engineroom.generate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decisions about a team's day that involve more than one worker: who is in, who works on what,
 * and which complaint cases bounce between two colleagues (ping-pong). Made before any worker is
 * simulated, so each worker can then be simulated on their own.
 */
final class TeamDayPlan {
  /** One hand-over step of a ping-pong case, due at a local time. */
  record Handover(String caseId, String workItemId, int step, LocalTime due) {}

  final Map<Worker, TaskType> taskOf = new LinkedHashMap<>();
  final Map<Worker, List<Handover>> handoversOf = new HashMap<>();

  static TeamDayPlan make(long seed, Team team, List<Worker> members, LocalDate day, int dayIndex) {
    TeamDayPlan plan = new TeamDayPlan();
    for (Worker w : members) {
      Rng rng = Rng.of(seed, 2, w.index, dayIndex);
      if (rng.chance(0.05)) {
        continue; // absent: leave, sickness
      }
      List<TaskType> mix = team.taskMix();
      plan.taskOf.put(w, rng.chance(0.6) ? mix.get(0) : mix.get(1 % mix.size()));
    }
    List<Worker> complaintWorkers = new ArrayList<>();
    plan.taskOf.forEach((w, t) -> {
      if (t == PlantedEffects.PROCEDURAL_PROBLEM_TASK) {
        complaintWorkers.add(w);
      }
    });
    if (complaintWorkers.size() >= 2) {
      for (int n = 0; n < PlantedEffects.PING_PONG_CASES_PER_TEAM_DAY; n++) {
        Worker a = complaintWorkers.get(n % complaintWorkers.size());
        Worker b = complaintWorkers.get((n + 1) % complaintWorkers.size());
        String caseId = String.format("CPP-%s-%s-%d", team.id(), day, n);
        // A → B → A → B: the case is handed back and forth within the day.
        LocalTime[] due = {LocalTime.of(10, 0), LocalTime.of(11, 30), LocalTime.of(13, 45), LocalTime.of(15, 15)};
        for (int step = 0; step < due.length; step++) {
          Worker who = step % 2 == 0 ? a : b;
          plan.handoversOf.computeIfAbsent(who, k -> new ArrayList<>())
              .add(new Handover(caseId, caseId + "-S" + step, step, due[step].plusMinutes(n * 7L)));
        }
      }
    }
    return plan;
  }
}
