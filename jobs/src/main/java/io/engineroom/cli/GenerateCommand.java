package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GenerationSummary;
import io.engineroom.generate.GeneratorOptions;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write a synthetic back office as landing files, with its planted truth in <landing>/_truth/."})
final class GenerateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--workers", defaultValue = "20", description = "Number of workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--days", defaultValue = "60", description = "Number of days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--start", description = "First day, YYYY-MM-DD (default: 2026-03-02, crossing two DST changes).")
  LocalDate start = GeneratorOptions.DEFAULT_START;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same bytes.")
  long seed;

  @Option(names = "--bad-rate", defaultValue = "0", description = "Share of rows to damage (0 to 0.5), each recorded in _truth/bad_rows.jsonl.")
  double badRate;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    GeneratorOptions options = new GeneratorOptions(config.getPath(ConfigKeys.LANDING_PATH), workers, start, days,
        seed, badRate);
    GenerationSummary summary = new BackOfficeGenerator(options, Console::progress).run();
    Console.info(summary + " Landing files are in " + options.landing().toAbsolutePath() + ".");
    return 0;
  }
}
