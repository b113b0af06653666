package io.engineroom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Commands whose capability is still open work. They exist so the command line has its final
 * shape; run, they say so plainly and exit 2 rather than pretend to work.
 */
final class NotYetAvailable {
  private NotYetAvailable() {}

  private static int refuse(String command, String what) {
    Console.error("'engineroom " + command + "' is not available in this version: " + what
        + " Run 'engineroom nightly' for ingest, models and publishing, and 'engineroom sql' to query the results.");
    return EngineRoom.EXIT_USAGE;
  }

  @Command(name = "dashboards", mixinStandardHelpOptions = true,
      description = "Superset dashboards as code (not available yet).")
  static final class Dashboards implements Callable<Integer> {
    @Override
    public Integer call() {
      return refuse("dashboards", "the Superset bundle is planned (issue #8).");
    }
  }
}
