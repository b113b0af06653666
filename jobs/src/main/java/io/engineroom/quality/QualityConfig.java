package io.engineroom.quality;

import io.engineroom.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads quality-checks.yaml; mistakes are reported with the dataset and check they are in. */
public final class QualityConfig {
  private static final List<String> TYPES = List.of("complete", "unique", "allowed_values", "range", "references",
      "freshness");

  private QualityConfig() {}

  public static List<QualityDataset> load(Path file) {
    if (file != null && Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return parse(in, file.toString());
      } catch (IOException e) {
        throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
      }
    }
    try (InputStream in = QualityConfig.class.getResourceAsStream("/engineroom-project/conf/quality-checks.yaml")) {
      if (in == null) {
        throw new ConfigException("No quality checks file: set engineroom.quality.checks-path to conf/quality-checks.yaml.");
      }
      return parse(in, "the bundled quality-checks.yaml");
    } catch (IOException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  static List<QualityDataset> parse(InputStream in, String origin) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    Map<String, Object> datasets = root instanceof Map ? (Map<String, Object>) ((Map<String, Object>) root)
        .getOrDefault("datasets", Map.of()) : Map.of();
    List<QualityDataset> out = new ArrayList<>();
    for (Map.Entry<String, Object> d : datasets.entrySet()) {
      Map<String, Object> spec = (Map<String, Object>) d.getValue();
      List<QualityCheck> checks = new ArrayList<>();
      int i = 0;
      for (Map<String, Object> c : (List<Map<String, Object>>) spec.getOrDefault("checks", List.of())) {
        i++;
        String where = origin + ", dataset " + d.getKey() + ", check " + i;
        String type = String.valueOf(c.get("type"));
        if (!TYPES.contains(type)) {
          throw new ConfigException(where + ": unknown type '" + type + "'; use one of " + TYPES);
        }
        List<String> columns = c.containsKey("columns") ? (List<String>) c.get("columns")
            : List.of(String.valueOf(c.get("column")));
        if (columns.isEmpty() || columns.contains("null")) {
          throw new ConfigException(where + ": name the column (column: x) or columns (columns: [x, y]).");
        }
        List<String> values = new ArrayList<>();
        ((List<Object>) c.getOrDefault("values", List.of())).forEach(v -> values.add(String.valueOf(v)));
        String level = String.valueOf(c.getOrDefault("level", "error"));
        if (!level.equals("error") && !level.equals("warning")) {
          throw new ConfigException(where + ": level must be error or warning, not '" + level + "'.");
        }
        checks.add(new QualityCheck(type, columns, values, number(c.get("min")), number(c.get("max")),
            (String) c.get("table"), (String) c.get("key"), number(c.get("max_age_hours")),
            c.containsKey("min_fraction") ? number(c.get("min_fraction")) : 1.0, level.equals("error")));
      }
      Map<String, Object> anomaly = (Map<String, Object>) spec.get("anomaly");
      out.add(new QualityDataset(d.getKey(), String.valueOf(spec.getOrDefault("table", d.getKey())), checks,
          anomaly == null ? null : number(anomaly.get("max_decrease")),
          anomaly == null ? null : number(anomaly.get("max_increase"))));
    }
    return out;
  }

  private static Double number(Object o) {
    return o == null ? null : Double.valueOf(String.valueOf(o));
  }
}
