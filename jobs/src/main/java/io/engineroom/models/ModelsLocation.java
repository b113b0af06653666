package io.engineroom.models;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the dbt-style project is: the configured folder when it exists (a checkout, or a team's
 * own copy), otherwise the copy bundled in the jar, unpacked once to a temporary folder. The bundle
 * is what makes spark-submit work with nothing but the jar.
 */
public final class ModelsLocation {
  private static final String BUNDLED = "/engineroom-project/dbt-style-models";
  private static Path unpacked;

  private ModelsLocation() {}

  public static Path resolve(EngineRoomConfig config) {
    Path configured = config.getPath(ConfigKeys.MODELS_PATH);
    if (Files.isRegularFile(configured.resolve("dbt_project.yml"))) {
      return configured;
    }
    String home = System.getProperty("engineroom.home");
    if (home != null && Files.isRegularFile(Path.of(home).resolve(configured).resolve("dbt_project.yml"))) {
      return Path.of(home).resolve(configured);
    }
    return bundled();
  }

  private static synchronized Path bundled() {
    if (unpacked != null) {
      return unpacked;
    }
    URL marker = ModelsLocation.class.getResource(BUNDLED + "/dbt_project.yml");
    if (marker == null) {
      throw new ModelException("No dbt-style project found: set engineroom.models.path to the dbt-style-models "
          + "folder.");
    }
    try {
      URI uri = marker.toURI();
      Path source;
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        source = fs.getPath(BUNDLED);
      } else {
        source = Path.of(uri).getParent();
      }
      Path target = Files.createTempDirectory("engineroom-models");
      try (Stream<Path> files = Files.walk(source)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Path dest = target.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(dest);
          } else {
            Files.copy(p, dest);
          }
        }
      }
      unpacked = target;
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack the bundled models", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
