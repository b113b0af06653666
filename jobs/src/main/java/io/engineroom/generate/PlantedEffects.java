package io.engineroom.generate;

import java.util.List;

/**
 * The effects planted in the synthetic back office, in one place so that the simulation and the
 * ground-truth manifest cannot disagree. Tests read the manifest, never this class.
 */
final class PlantedEffects {
  private PlantedEffects() {}

  /** Target reachable in the first quarter of the shift: workers then coast. */
  static final TaskType TOO_EASY_GOAL = TaskType.ADDRESS_CHANGE;
  /** Target above what a full shift allows. */
  static final TaskType TOO_HARD_GOAL = TaskType.LOAN_ASSESSMENT;
  /** Right at first; a tool change from {@link #DRIFT_AT_SHARE} of the period makes the work faster. */
  static final TaskType DRIFTING_GOAL = TaskType.PAYMENT_EXCEPTION;
  static final double DRIFT_AT_SHARE = 0.4;
  static final double DRIFT_HANDLE_FACTOR = 0.10;
  /** Right all along; this one's target is also re-set once, mid-period (an effective-dated change). */
  static final TaskType RETARGETED_GOAL = TaskType.KYC_REVIEW;
  static final int RETARGETED_TO = 21;
  static final List<TaskType> APPROPRIATE_GOALS =
      List.of(TaskType.KYC_REVIEW, TaskType.CLAIM_INTAKE, TaskType.COMPLAINT_RESPONSE);

  /** Once a worker reaches the target within this share of the shift, they may coast. */
  static final double COAST_IF_DONE_WITHIN_SHARE = 0.30;
  static final double COAST_PROBABILITY = 0.85;

  /** Quality: a few workers fail far more often than peers on the same task mix. */
  static final double LOW_QUALITY_SHARE = 0.05;
  static final double LOW_QUALITY_FAIL_FACTOR = 8.0;
  /** Workers whose mix is hard (high base failure) but who are as good as expected. */
  static final TaskType HARD_MIX_TASK = TaskType.LOAN_ASSESSMENT;

  /** Best practice: consulting the knowledge base before keying shortens the item. */
  static final TaskType BEST_PRACTICE_TASK = TaskType.CLAIM_INTAKE;
  static final String[] BEST_PRACTICE_STEPS = {"ClaimsHub", "ClaimsGuide", "ClaimsHub"};
  static final double BEST_PRACTICE_HANDLE_FACTOR = 0.70;
  static final double BEST_PRACTICE_ADOPTER_SHARE = 0.30;
  static final double BEST_PRACTICE_USE_BY_ADOPTERS = 0.90;
  static final double BEST_PRACTICE_USE_BY_OTHERS = 0.05;

  /** Rework and ping-pong live on one task type. */
  static final TaskType PROCEDURAL_PROBLEM_TASK = TaskType.COMPLAINT_RESPONSE;
  static final double REWORK_SHARE = 0.15;
  static final int PING_PONG_CASES_PER_TEAM_DAY = 3;

  /** An application whose use goes with long handle times. */
  static final TaskType SLOW_APP_TASK = TaskType.KYC_REVIEW;
  static final String SLOW_APP = "LegacyTerminal";
  static final double SLOW_APP_USE = 0.25;
  static final double SLOW_APP_HANDLE_FACTOR = 1.40;

  /** Improvement (issue #17): a tool that cuts one team's handle time of a task type by a quarter. */
  static final TaskType TOOL_TASK = TaskType.KYC_REVIEW;
  static final int TOOL_TEAM_INDEX = 0;
  static final double TOOL_AT_SHARE = 0.6;
  static final double TOOL_HANDLE_FACTOR = 0.75;
  /** A training that changes nothing, for a team's whole work. */
  static final int TRAINING_TEAM_INDEX = 1;
  static final double TRAINING_AT_SHARE = 0.45;
  /** A process change in a team whose handle time was already falling before it (a pre-trend). */
  static final TaskType PRE_TREND_TASK = TaskType.ADDRESS_CHANGE;
  static final int PRE_TREND_TEAM_INDEX = 3;
  static final double PRE_TREND_AT_SHARE = 0.6;
  static final double PRE_TREND_HANDLE_FACTOR = 0.75;
  /** One settled worker per team on the drifting task type is this much slower than peers, throughout. */
  static final double SLOW_WORKER_PACE = 1.6;

  /** New hires: handle time and failures fall off exponentially with tenure. */
  static final double RAMP_UP_EXTRA_HANDLE = 0.8;
  static final double RAMP_UP_EXTRA_FAIL = 1.5;
  static final double RAMP_UP_TAU_DAYS = 25.0;
  static final double NEW_HIRE_SHARE = 0.08;

  /** Bots take a share of the easiest work. */
  static final TaskType BOT_TASK = TaskType.ADDRESS_CHANGE;
  static final double BOT_ITEMS_PER_TEAM_DAY = 12;

  static double rampUpHandleFactor(long tenureDays) {
    return 1.0 + RAMP_UP_EXTRA_HANDLE * Math.exp(-Math.max(0, tenureDays) / RAMP_UP_TAU_DAYS);
  }

  static double rampUpFailFactor(long tenureDays) {
    return 1.0 + RAMP_UP_EXTRA_FAIL * Math.exp(-Math.max(0, tenureDays) / RAMP_UP_TAU_DAYS);
  }
}
