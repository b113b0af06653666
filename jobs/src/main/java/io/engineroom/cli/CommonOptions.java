package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.config.HashKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** Options every command shares: where the config is, overrides, and the two main locations. */
final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML settings file (see conf/engineroom.yaml). Without it the defaults apply.")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set goals.too-easy-share=0.9. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--landing", paramLabel = "DIR", description = "Landing folder (default: ./landing).")
  Path landing;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "Delta warehouse folder (default: ./warehouse).")
  Path warehouse;

  /** Defaults, then the file, then spark-submit --conf spark.engineroom.*, then the command line. */
  EngineRoomConfig resolve() {
    EngineRoomConfig.Builder builder = EngineRoomConfig.builder();
    if (configFile != null) {
      builder.yamlFile(configFile);
    }
    // spark-submit hands --conf values to the driver as system properties.
    Map<String, String> sparkProperties = new TreeMap<>();
    System.getProperties().stringPropertyNames()
        .forEach(name -> sparkProperties.put(name, System.getProperty(name)));
    builder.sparkProperties(sparkProperties);
    overrides.forEach(builder::override);
    if (landing != null) {
      builder.set(ConfigKeys.LANDING_PATH, landing.toString(), "--landing");
    }
    if (warehouse != null) {
      builder.set(ConfigKeys.WAREHOUSE_PATH, warehouse.toString(), "--warehouse");
    }
    EngineRoomConfig config = builder.build();
    HashKey.from(config, System::getenv); // a key in the settings is refused before anything starts
    return config;
  }
}
