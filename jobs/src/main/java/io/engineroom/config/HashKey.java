package io.engineroom.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The secret behind keyed hashes (worker pseudonyms, window-title hashes), read from an environment
 * variable or a mounted secret file, never from settings that are logged. Callers pass it to code,
 * not into SQL text, so it reaches no query plan, log, error message or table.
 */
public final class HashKey {
  private HashKey() {}

  /** The key, or an empty string when none is configured (titles are then dropped, not hashed). */
  public static String from(EngineRoomConfig config, Function<String, String> environment) {
    if (!config.get(ConfigKeys.PRIVACY_HASH_KEY).isEmpty()) {
      throw new ConfigException(ConfigKeys.PRIVACY_HASH_KEY + " is set, but the hash key must not be in a settings "
          + "file, on a command line or in Spark properties (they are logged). Put it in the environment variable "
          + config.get(ConfigKeys.PRIVACY_HASH_KEY_ENV) + " or in a file named by "
          + ConfigKeys.PRIVACY_HASH_KEY_FILE + ", and remove the setting.");
    }
    String fromEnvironment = environment.apply(config.get(ConfigKeys.PRIVACY_HASH_KEY_ENV));
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    String file = config.get(ConfigKeys.PRIVACY_HASH_KEY_FILE);
    if (file.isBlank()) {
      return "";
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new ConfigException(ConfigKeys.PRIVACY_HASH_KEY_FILE + ": cannot read the key file " + file + " ("
          + e.getClass().getSimpleName() + ").");
    }
  }
}
