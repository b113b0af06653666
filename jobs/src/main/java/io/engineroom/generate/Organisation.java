package io.engineroom.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds the sites, teams and workers of a back office of a given size, deterministically. */
final class Organisation {
  private static final String[] FIRST = {"Ana", "Ben", "Carla", "Dev", "Elif", "Femi", "Grace", "Hugo",
      "Ines", "Jun", "Kofi", "Lena", "Marco", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tala",
      "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zara"};
  private static final String[] LAST = {"Santos", "de Vries", "Miller", "Reyes", "Jansen", "Okafor",
      "Garcia", "Bakker", "Cruz", "Smith", "Visser", "Nguyen", "Bautista", "Meijer", "Brown", "Lopez"};

  final List<Team> teams;
  final List<Worker> workers;
  final LocalDate start;
  final int days;

  private Organisation(List<Team> teams, List<Worker> workers, LocalDate start, int days) {
    this.teams = teams;
    this.workers = workers;
    this.start = start;
    this.days = days;
  }

  LocalDate end() {
    return start.plusDays(days - 1L);
  }

  static Organisation build(int workerCount, LocalDate start, int days, long seed) {
    int teamSize = Math.max(5, Math.min(12, workerCount / 4));
    int teamCount = Math.max(4, (workerCount + teamSize - 1) / teamSize);
    List<Team> teams = new ArrayList<>();
    for (int t = 0; t < teamCount; t++) {
      Site site = Site.ALL[t % Site.ALL.length];
      teams.add(new Team(t, String.format("T%03d", t + 1), Team.nameOfKind(t) + " " + site.name() + " " + (t / 4 + 1),
          site, String.format("M%03d", t + 1), Team.mixOfKind(t)));
    }
    List<Worker> workers = new ArrayList<>();
    int lowQualityCount = Math.max(1, (int) Math.round(PlantedEffects.LOW_QUALITY_SHARE * workerCount));
    List<Integer> lowQualityCandidates = new ArrayList<>();
    for (int w = 0; w < workerCount; w++) {
      workers.add(null);
    }
    for (int w = 0; w < workerCount; w++) {
      Team team = teams.get(w % teamCount);
      Rng rng = Rng.of(seed, 1, w);
      boolean newHire = rng.chance(PlantedEffects.NEW_HIRE_SHARE);
      LocalDate hire = newHire
          ? start.plusDays(rng.between(-20, Math.max(1, days / 2)))
          : start.minusDays(rng.between(120, 3000));
      LocalDate termination = !newHire && rng.chance(0.03) ? start.plusDays(rng.between(days / 3, days - 1)) : null;
      LocalDate moveDate = null;
      Team newTeam = null;
      if (!newHire && termination == null && rng.chance(0.03) && days > 2) {
        moveDate = start.plusDays(rng.between(1, days - 1));
        newTeam = teams.get((team.index() + 1 + rng.between(0, teamCount - 2)) % teamCount);
      }
      String host = String.format("PC-%s-%05d", team.site().id(), w + 1);
      String second = rng.chance(0.05) ? String.format("LT-%s-%05d", team.site().id(), w + 1) : null;
      int shiftHours = rng.chance(0.1) ? 6 : 8;
      // People differ in pace, within a band (two standard deviations): past it is the planted slow worker.
      double pace = Math.exp(0.18 * Math.max(-2.0, Math.min(2.0, rng.gaussian())));
      double failFactor = Math.exp(0.15 * rng.gaussian());
      boolean adopter = rng.chance(PlantedEffects.BEST_PRACTICE_ADOPTER_SHARE);
      String name = FIRST[rng.between(0, FIRST.length - 1)] + " " + LAST[rng.between(0, LAST.length - 1)];
      workers.set(w, new Worker(w, String.format("W%05d", w + 1), name, team, moveDate, newTeam, hire, termination,
          host, second, shiftHours, pace, failFactor, false, adopter, rng.between(0, 5)));
      boolean hardMix = team.taskMix().contains(PlantedEffects.HARD_MIX_TASK);
      if (!newHire && termination == null && moveDate == null && !hardMix) {
        lowQualityCandidates.add(w);
      }
    }
    // The low-quality workers: chosen by seed among settled workers on ordinary task mixes.
    Collections.shuffle(lowQualityCandidates, new java.util.Random(seed ^ 0x51ED));
    for (int i = 0; i < Math.min(lowQualityCount, lowQualityCandidates.size()); i++) {
      Worker w = workers.get(lowQualityCandidates.get(i));
      workers.set(w.index, new Worker(w.index, w.id, w.displayName, w.team, w.moveDate, w.newTeam, w.hireDate,
          w.terminationDate, w.primaryHost, w.secondaryHost, w.shiftHours, w.pace,
          PlantedEffects.LOW_QUALITY_FAIL_FACTOR, true, w.bestPracticeAdopter, w.costStep));
    }
    plantSlowWorker(workers, start);
    return new Organisation(List.copyOf(teams), List.copyOf(workers), start, days);
  }

  /**
   * The first settled worker on the drifting task type's team becomes persistently slow: they must
   * stay flagged for pace before and after that task type's tool goes live (issue #17).
   */
  private static void plantSlowWorker(List<Worker> workers, LocalDate start) {
    for (Worker w : workers) {
      boolean settled = w.hireDate.isBefore(start.minusDays(100)) && w.terminationDate == null
          && w.moveDate == null && !w.lowQuality;
      if (settled && w.team.taskMix().contains(PlantedEffects.DRIFTING_GOAL)) {
        workers.set(w.index, new Worker(w.index, w.id, w.displayName, w.team, w.moveDate, w.newTeam, w.hireDate,
            w.terminationDate, w.primaryHost, w.secondaryHost, w.shiftHours, PlantedEffects.SLOW_WORKER_PACE,
            w.failFactor, w.lowQuality, w.bestPracticeAdopter, w.costStep));
        return;
      }
    }
  }

  /** Workers of a team on a day, in a fixed order, counting moves, hires and leavers. */
  List<Worker> membersOn(Team team, LocalDate day) {
    List<Worker> members = new ArrayList<>();
    for (Worker w : workers) {
      if (w.teamOn(day).equals(team) && w.employedOn(day)) {
        members.add(w);
      }
    }
    return members;
  }
}
