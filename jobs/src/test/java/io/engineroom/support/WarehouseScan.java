package io.engineroom.support;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.SparkSession;

/**
 * Looks for text in every file under a warehouse: every Parquet file (data of every version, and
 * checkpoints), read row by row as JSON, and every other file (transaction logs, checksums,
 * artifacts) as bytes. What a determined reader of the disk would find.
 */
public final class WarehouseScan {
  private WarehouseScan() {}

  /** File (relative to the root) to the needles found in it; empty when none is anywhere. */
  public static Map<String, List<String>> find(SparkSession spark, Path root, List<String> needles) {
    Map<String, List<String>> found = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".crc") && name.startsWith(".")) {
        continue; // Hadoop's own checksums of the files beside them
      }
      List<String> hits = name.endsWith(".parquet") ? inParquet(file, needles) : inBytes(file, needles);
      if (!hits.isEmpty()) {
        found.put(root.relativize(file).toString(), hits);
      }
    }
    return found;
  }

  /**
   * Every record of the file, as text, read with Parquet's own reader (no Spark job per file), and
   * matched here: a needle in a Spark query would itself land in the plans and event log looked at.
   */
  private static List<String> inParquet(Path file, List<String> needles) {
    List<String> hits = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
      for (Group record = reader.read(); record != null; record = reader.read()) {
        String text = record.toString();
        for (String needle : needles) {
          if (text.contains(needle) && !hits.contains(needle)) {
            hits.add(needle);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  private static List<String> inBytes(Path file, List<String> needles) {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return needles.stream().filter(n -> text.contains(new String(n.getBytes(StandardCharsets.UTF_8),
          StandardCharsets.ISO_8859_1))).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
