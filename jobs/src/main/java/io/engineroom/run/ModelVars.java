package io.engineroom.run;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured METRICS.md parameters as the dbt vars the models read. The names match
 * {@code dbt_project.yml}, so a dbt user can pass the same values with {@code --vars}.
 */
final class ModelVars {
  private static final Map<String, String> VAR_TO_KEY = new LinkedHashMap<>();

  static {
    VAR_TO_KEY.put("min_shift_share", ConfigKeys.METRICS_MIN_SHIFT_SHARE);
    VAR_TO_KEY.put("ramp_up_days", ConfigKeys.METRICS_RAMP_UP_DAYS);
    VAR_TO_KEY.put("after_hours_grace_minutes", ConfigKeys.METRICS_AFTER_HOURS_GRACE_MINUTES);
    VAR_TO_KEY.put("goal_window_days", ConfigKeys.GOALS_WINDOW_DAYS);
    VAR_TO_KEY.put("early_share", ConfigKeys.GOALS_EARLY_SHARE);
    VAR_TO_KEY.put("too_easy_share", ConfigKeys.GOALS_TOO_EASY_SHARE);
    VAR_TO_KEY.put("too_hard_attainment", ConfigKeys.GOALS_TOO_HARD_ATTAINMENT);
    VAR_TO_KEY.put("min_worker_days", ConfigKeys.GOALS_MIN_WORKER_DAYS);
    VAR_TO_KEY.put("attainment_goal", ConfigKeys.GOALS_ATTAINMENT_GOAL);
    VAR_TO_KEY.put("persist_periods", ConfigKeys.FAIRNESS_PERSIST_PERIODS);
    VAR_TO_KEY.put("min_audits", ConfigKeys.FAIRNESS_MIN_AUDITS);
    VAR_TO_KEY.put("min_items", ConfigKeys.MINING_MIN_ITEMS);
    VAR_TO_KEY.put("improvement_window_days", ConfigKeys.IMPROVEMENT_WINDOW_DAYS);
    VAR_TO_KEY.put("improvement_replicates", ConfigKeys.IMPROVEMENT_REPLICATES);
    VAR_TO_KEY.put("improvement_min_workers", ConfigKeys.IMPROVEMENT_MIN_WORKERS);
    VAR_TO_KEY.put("reporting_currency", ConfigKeys.MONEY_REPORTING_CURRENCY);
  }

  private ModelVars() {}

  static Map<String, String> from(EngineRoomConfig config) {
    Map<String, String> vars = new LinkedHashMap<>();
    VAR_TO_KEY.forEach((var, key) -> vars.put(var, config.get(key)));
    return vars;
  }
}
