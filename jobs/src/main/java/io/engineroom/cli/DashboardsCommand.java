package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.dashboards.AssetSpecs;
import io.engineroom.dashboards.SupersetBundle;
import io.engineroom.dashboards.SupersetConnection;
import io.engineroom.serve.EndpointSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dashboards", mixinStandardHelpOptions = true,
    description = "Superset dashboards as code.",
    subcommands = {DashboardsCommand.Bundle.class})
final class DashboardsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Console.error("Say what to do with the dashboards: 'engineroom dashboards bundle' builds the Superset import "
        + "bundle from dashboards/src.");
    return EngineRoom.EXIT_USAGE;
  }

  @Command(name = "bundle", mixinStandardHelpOptions = true,
      description = {"Build the importable Superset bundle (database, datasets, charts, dashboards) from "
          + "dashboards/src.",
          "The database points at 'engineroom serve' as configured (serve.host, serve.port, serve.auth, serve.user); "
              + "with password auth, Superset asks for the password on import."})
  static final class Bundle implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--assets", paramLabel = "DIR",
        description = "Dashboard specs (default: dashboards/src of this checkout).")
    Path assets;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "build/engineroom-dashboards.zip",
        description = "Bundle to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--host", paramLabel = "ADDRESS",
        description = "Address Superset uses to reach the endpoint (default: serve.host).")
    String host;

    @Option(names = "--sql-lab-user", paramLabel = "USER",
        description = "Also add a connection for SQL Lab that logs in as USER, an endpoint user of a restricted "
            + "role (e.g. data-science in conf/serve-access.yaml). Without it SQL Lab cannot reach the endpoint.")
    String sqlLabUser;

    @Override
    public Integer call() {
      EngineRoomConfig config = common.resolve();
      Path folder = assets != null ? assets
          : Path.of(System.getProperty("engineroom.home", ".")).resolve("dashboards/src");
      AssetSpecs specs = AssetSpecs.load(folder);
      boolean password = EndpointSettings.requiresPassword(config);
      SupersetConnection connection = new SupersetConnection("Engine Room",
          host != null ? host : config.get(ConfigKeys.SERVE_HOST), config.getInt(ConfigKeys.SERVE_PORT),
          config.get(ConfigKeys.SERVE_USER), password);
      SupersetConnection sqlLab = null;
      if (sqlLabUser != null) {
        if (!password) {
          throw new IllegalArgumentException("--sql-lab-user needs serve.auth=password: SQL Lab must log in as a "
              + "user of a restricted role, not as the anonymous dashboards role.");
        }
        sqlLab = new SupersetConnection("Engine Room (SQL Lab)", connection, sqlLabUser);
      }
      new SupersetBundle(specs, connection, sqlLab).write(out);
      Console.info("Wrote " + out.toAbsolutePath() + ": " + specs.dashboardCount() + " dashboards, "
          + specs.chartCount() + " charts. Import it in Superset (Dashboards > Import, or POST "
          + "/api/v1/dashboard/import/)" + (password ? "; Superset will ask for the endpoint's password." : "."));
      return 0;
    }
  }
}
