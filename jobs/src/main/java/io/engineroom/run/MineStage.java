package io.engineroom.run;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.HashKey;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.mining.MiningJob;
import io.engineroom.mining.MiningOptions;
import io.engineroom.warehouse.Layer;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;

/**
 * Best-practice mining over the rolling window that ends on the night's date. Its tables are staged
 * like the marts and published with them, so readers see patterns that match the night's marts.
 */
public final class MineStage implements Stage {
  private final MiningOptions overrides;

  /** The nightly stage: options from the configuration, window ending on the delivery date. */
  public MineStage() {
    this(null);
  }

  /** Ad hoc: exactly these options. */
  public MineStage(MiningOptions options) {
    this.overrides = options;
  }

  @Override
  public String name() {
    return "mine";
  }

  @Override
  public String adviceOnFailure() {
    return "The marts of this night were built; re-run with 'engineroom mine --to <date>' once the cause is fixed.";
  }

  @Override
  public StageOutcome run(RunContext ctx) {
    MiningOptions options = overrides != null ? overrides : fromConfig(ctx.config, ctx.delivery);
    String key = HashKey.from(ctx.config, System::getenv);
    boolean oneOffKey = key.isEmpty();
    if (oneOffKey) {
      // No key configured: pseudonyms hold within this run's table only, and nothing can link them back.
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      key = HexFormat.of().formatHex(random);
    }
    Map<String, Long> rows = new MiningJob(ctx.spark, ctx.warehouse, ctx.progress).run(options, key,
        mart -> ctx.stagedTables.getOrDefault(mart, ctx.warehouse.path(Layer.GOLD, mart)),
        table -> {
          String staged = ctx.warehouse.stagingPath(ctx.runId, table);
          ctx.stagedTables.put(table, staged);
          return staged;
        });
    StageOutcome outcome = new StageOutcome();
    rows.forEach((table, n) -> outcome.table("mining." + table, 0, n, 0));
    outcome.headline = String.format("window %s to %s: %d patterns, %d procedural problems, %d items in the "
        + "feature table%s", options.from(), options.to(), rows.get(MiningJob.PATTERNS),
        rows.get(MiningJob.PROBLEMS), rows.get(MiningJob.FEATURES),
        oneOffKey ? " (no hash key configured: pseudonyms are one-off for this run)" : "");
    return outcome;
  }

  static MiningOptions fromConfig(EngineRoomConfig config, LocalDate to) {
    return new MiningOptions(to, config.getInt(ConfigKeys.MINING_WINDOW_DAYS),
        config.getDouble(ConfigKeys.MINING_MIN_SUPPORT), config.getInt(ConfigKeys.MINING_MAX_PATTERN_LENGTH),
        config.getInt(ConfigKeys.MINING_MIN_ITEMS), config.get(ConfigKeys.MINING_STEP_LEVEL),
        config.getDouble(ConfigKeys.MINING_FALSE_DISCOVERY_RATE), config.getInt(ConfigKeys.MINING_BOOTSTRAP_RESAMPLES),
        config.getDouble(ConfigKeys.MINING_LONG_WAIT_HOURS), 20_260_301L);
  }
}
