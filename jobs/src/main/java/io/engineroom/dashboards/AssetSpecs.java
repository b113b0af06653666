package io.engineroom.dashboards;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboards as code: {@code datasets.yaml} (tables and column types) and one file per
 * dashboard under {@code dashboards/}, read and cross-checked before anything is generated.
 */
public final class AssetSpecs {
  final Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
  final List<DashboardSpec> dashboards = new ArrayList<>();

  private AssetSpecs() {}

  public static AssetSpecs load(Path folder) {
    AssetSpecs specs = new AssetSpecs();
    Path datasetsFile = folder.resolve("datasets.yaml");
    if (!Files.isRegularFile(datasetsFile)) {
      throw new SpecException(datasetsFile + " does not exist; point --assets at the dashboards/src folder "
          + "of an Engine Room checkout.");
    }
    for (SpecFields dataset : new SpecFields(datasetsFile.toString(), read(datasetsFile)).entries("datasets")) {
      DatasetSpec spec = DatasetSpec.read(dataset, specs.datasets);
      specs.datasets.put(spec.table, spec);
    }
    Set<String> slugs = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (Path file : dashboardFiles(folder.resolve("dashboards"))) {
      DashboardSpec dashboard = DashboardSpec.read(new SpecFields(file.toString(), read(file)), specs.datasets);
      if (!slugs.add(dashboard.slug)) {
        throw new SpecException(file + ": slug '" + dashboard.slug + "' is already used by another dashboard.");
      }
      for (ChartSpec chart : dashboard.charts) {
        // Chart ids are derived from titles, so a title names one chart across all dashboards.
        if (!titles.add(chart.title)) {
          throw new SpecException(file + ": chart title '" + chart.title + "' is used twice; titles must be unique.");
        }
      }
      specs.dashboards.add(dashboard);
    }
    return specs;
  }

  public int chartCount() {
    return dashboards.stream().mapToInt(d -> d.charts.size()).sum();
  }

  public int dashboardCount() {
    return dashboards.size();
  }

  private static List<Path> dashboardFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new SpecException("cannot list dashboard specs in " + folder + ": " + e.getMessage());
    }
  }

  private static Object read(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml().load(reader);
    } catch (IOException | RuntimeException e) {
      throw new SpecException(file + " is not readable YAML: " + e.getMessage());
    }
  }
}
