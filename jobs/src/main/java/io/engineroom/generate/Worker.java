package io.engineroom.generate;

import java.time.LocalDate;

/** One person in the synthetic back office, with the hidden traits that drive their data. */
final class Worker {
  final int index;
  final String id;
  final String displayName;
  final Team team;
  /** Day the worker moves to {@link #newTeam}; null when they stay. */
  final LocalDate moveDate;
  final Team newTeam;
  final LocalDate hireDate;
  /** Last day employed; null when they stay. */
  final LocalDate terminationDate;
  final String primaryHost;
  final String secondaryHost;
  final int shiftHours;
  /** Multiplies handle time; below 1 is faster than standard. */
  final double pace;
  /** Multiplies the failure rate; 1 is as good as peers on the same task. */
  final double failFactor;
  final boolean lowQuality;
  final boolean bestPracticeAdopter;
  final int costStep;

  Worker(int index, String id, String displayName, Team team, LocalDate moveDate, Team newTeam,
      LocalDate hireDate, LocalDate terminationDate, String primaryHost, String secondaryHost,
      int shiftHours, double pace, double failFactor, boolean lowQuality, boolean bestPracticeAdopter,
      int costStep) {
    this.index = index;
    this.id = id;
    this.displayName = displayName;
    this.team = team;
    this.moveDate = moveDate;
    this.newTeam = newTeam;
    this.hireDate = hireDate;
    this.terminationDate = terminationDate;
    this.primaryHost = primaryHost;
    this.secondaryHost = secondaryHost;
    this.shiftHours = shiftHours;
    this.pace = pace;
    this.failFactor = failFactor;
    this.lowQuality = lowQuality;
    this.bestPracticeAdopter = bestPracticeAdopter;
    this.costStep = costStep;
  }

  /** The planted persistently slow worker (Organisation). */
  boolean isPlantedSlow() {
    return pace == PlantedEffects.SLOW_WORKER_PACE;
  }

  Team teamOn(LocalDate day) {
    return moveDate != null && !day.isBefore(moveDate) ? newTeam : team;
  }

  boolean employedOn(LocalDate day) {
    return !day.isBefore(hireDate) && (terminationDate == null || !day.isAfter(terminationDate));
  }

  String hostnames() {
    return secondaryHost == null ? primaryHost : primaryHost + ";" + secondaryHost;
  }

  /** Loaded cost in the site's currency; seniority adds a few percent per step. */
  double costPerHour(Site site) {
    return Math.round(site.costPerHour() * (1.0 + 0.04 * costStep) * 100.0) / 100.0;
  }
}
