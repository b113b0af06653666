package io.engineroom.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Engine Room's settings: the defaults of {@link ConfigKeys}, overlaid by a YAML file, then by
 * {@code spark.engineroom.*} Spark properties (spark-submit {@code --conf}), then by the command
 * line. Nested YAML maps flatten to dotted keys, so {@code goals: {too-easy-share: 0.9}} under an
 * {@code engineroom:} root sets {@code engineroom.goals.too-easy-share}.
 */
public final class EngineRoomConfig {
  private static final String SPARK_PREFIX = "spark.";
  private final Map<String, String> values;

  private EngineRoomConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The defaults alone: what runs with no file at all. */
  public static EngineRoomConfig defaults() {
    return new Builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new ConfigException("Unknown setting '" + key + "'. Known settings: see conf/engineroom.yaml.");
    }
    return value;
  }

  public double getDouble(String key) {
    String value = get(key);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ConfigException("Setting '" + key + "' must be a number, got '" + value + "'.");
    }
  }

  public int getInt(String key) {
    String value = get(key);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException("Setting '" + key + "' must be a whole number, got '" + value + "'.");
    }
  }

  public boolean getBoolean(String key) {
    String value = get(key).trim().toLowerCase();
    if (!value.equals("true") && !value.equals("false")) {
      throw new ConfigException("Setting '" + key + "' must be true or false, got '" + value + "'.");
    }
    return Boolean.parseBoolean(value);
  }

  public Path getPath(String key) {
    return Path.of(get(key));
  }

  /** All settings, sorted by key, for the run log and for passing to child processes. */
  public Map<String, String> asMap() {
    return values;
  }

  /** Collects the layers; later calls win over earlier ones. */
  public static final class Builder {
    private final Map<String, String> values = new TreeMap<>(defaultValues());

    public Builder yamlFile(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("Config file " + file + " does not exist. Pass an existing file with --config, "
            + "or leave it out to run on the defaults.");
      }
      try (InputStream in = Files.newInputStream(file)) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (root == null) {
          return this;
        }
        if (!(root instanceof Map)) {
          throw new ConfigException("Config file " + file + " must hold a YAML mapping at the top level.");
        }
        Map<String, String> flat = new TreeMap<>();
        flatten("", (Map<?, ?>) root, flat);
        flat.forEach((key, value) -> set(key, value, "config file " + file));
      } catch (IOException e) {
        throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
      }
      return this;
    }

    /** Spark properties such as {@code spark.engineroom.landing.path} from spark-submit --conf. */
    public Builder sparkProperties(Map<String, String> sparkConf) {
      sparkConf.forEach((key, value) -> {
        if (key.startsWith(SPARK_PREFIX + "engineroom.")) {
          set(key.substring(SPARK_PREFIX.length()), value, "Spark property " + key);
        }
      });
      return this;
    }

    /** One {@code key=value} override from the command line. */
    public Builder override(String assignment) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("Override '" + assignment + "' must look like key=value, for example "
            + "engineroom.goals.too-easy-share=0.9");
      }
      String key = assignment.substring(0, eq).trim();
      return set(key.startsWith("engineroom.") ? key : "engineroom." + key, assignment.substring(eq + 1).trim(),
          "command line");
    }

    public Builder set(String key, String value, String origin) {
      if (!values.containsKey(key)) {
        throw new ConfigException("Unknown setting '" + key + "' in " + origin
            + ". Check the spelling against conf/engineroom.yaml.");
      }
      values.put(key, value);
      return this;
    }

    public EngineRoomConfig build() {
      return new EngineRoomConfig(values);
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
        if (entry.getValue() instanceof Map) {
          flatten(key, (Map<?, ?>) entry.getValue(), out);
        } else {
          out.put(key, entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
        }
      }
    }
  }

  /** Reads KEY / KEY_DEFAULT pairs from {@link ConfigKeys}, so adding a key there is enough. */
  private static Map<String, String> defaultValues() {
    Map<String, String> defaults = new TreeMap<>();
    try {
      for (Field field : ConfigKeys.class.getFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || field.getName().endsWith("_DEFAULT")) {
          continue;
        }
        Field defaultField = ConfigKeys.class.getField(field.getName() + "_DEFAULT");
        defaults.put((String) field.get(null), (String) defaultField.get(null));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("ConfigKeys must pair every KEY with KEY_DEFAULT", e);
    }
    return defaults;
  }
}
