package io.engineroom.cli;

import io.engineroom.config.ConfigException;
import io.engineroom.warehouse.WarehouseLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code engineroom} command line: one subcommand per capability. */
@Command(name = "engineroom", mixinStandardHelpOptions = true, version = "Engine Room 0.1.0",
    description = "Back-office analytics on Spark and Delta Lake.",
    subcommands = {GenerateCommand.class, IngestCommand.class, BuildCommand.class, MineCommand.class,
        NightlyCommand.class, ServeCommand.class, DashboardsCommand.class, DemoCommand.class,
        SqlCommand.class, FingerprintCommand.class, ForgetCommand.class})
public final class EngineRoom {
  /** Exit code when the input or the arguments are wrong: the person can fix it. */
  static final int EXIT_USAGE = 2;
  /** Exit code when a run failed: nothing was published. */
  static final int EXIT_RUN_FAILED = 1;
  /** Exit code when another run is writing the warehouse: nothing was done. */
  static final int EXIT_BUSY = 3;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line without exiting, for tests and for spark-submit wrappers. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new EngineRoom());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
        Console.error(e.getMessage());
        return EXIT_USAGE;
      }
      if (e instanceof WarehouseLock.HeldException) {
        Console.error(e.getMessage());
        return EXIT_BUSY;
      }
      if (e instanceof ActionableException) {
        Console.error(e.getMessage());
        return ((ActionableException) e).exitCode();
      }
      throw e;
    });
    return cli.execute(args);
  }
}
