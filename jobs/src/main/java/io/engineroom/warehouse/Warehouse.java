package io.engineroom.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Where each table lives. Tables are Delta folders addressed by path, so any Spark session (the
 * jobs, the SQL endpoint, a notebook) can read them without sharing a metastore. The root may be a
 * local folder or any URI Hadoop reaches ({@code hdfs://}, {@code s3a://}, {@code abfss://}).
 */
public final class Warehouse {
  private final String root;

  public Warehouse(String location) {
    this.root = location.contains("://") ? stripSlash(location)
        : java.nio.file.Path.of(location).toAbsolutePath().normalize().toString();
  }

  public Warehouse(java.nio.file.Path location) {
    this(location.toString());
  }

  public String root() {
    return root;
  }

  public String path(Layer layer, String table) {
    return layerRoot(layer) + "/" + table;
  }

  public String layerRoot(Layer layer) {
    return root + "/" + layer.schema();
  }

  /** Tables a model run materialises that are not marts (not published). */
  public String modelPath(String model) {
    return root + "/models/" + model;
  }

  /** Where a run builds gold tables before publishing them, so a failed run leaves gold alone. */
  public String stagingPath(String runId, String table) {
    return stagingRoot(runId) + "/" + table;
  }

  public String stagingRoot(String runId) {
    return root + "/_staging/" + runId;
  }

  /** Delta tables of a layer, by name, sorted. */
  /**
   * A table is a folder whose Delta log holds a commit: a first write that died before committing
   * leaves an empty log, which is not a table (and must not stop every reader of the warehouse).
   */
  private static boolean hasCommit(FileSystem fs, Path log) throws IOException {
    if (!fs.exists(log)) {
      return false;
    }
    for (FileStatus f : fs.listStatus(log)) {
      String name = f.getPath().getName();
      if (name.endsWith(".json") && !name.startsWith(".") || name.endsWith(".checkpoint.parquet")) {
        return true;
      }
    }
    return false;
  }

  public List<String> tables(SparkSession spark, Layer layer) {
    List<String> tables = new ArrayList<>();
    Path dir = new Path(layerRoot(layer));
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return tables;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.isDirectory() && hasCommit(fs, new Path(st.getPath(), "_delta_log"))) {
          tables.add(st.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    tables.sort(null);
    return tables;
  }

  /**
   * Every Delta table under the root: the layers, the models' own tables, and anything else a run
   * left, except the scratch folders of runs and erasures. For work that must reach every copy of
   * the data (erasure).
   */
  public List<String> allTablePaths(SparkSession spark) {
    List<String> paths = new ArrayList<>();
    Path rootPath = new Path(root);
    try {
      FileSystem fs = rootPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus top : fs.listStatus(rootPath)) {
        String name = top.getPath().getName();
        if (!top.isDirectory() || name.equals("_staging") || name.equals("_erasure")) {
          continue;
        }
        for (FileStatus st : fs.listStatus(top.getPath())) {
          if (st.isDirectory() && fs.exists(new Path(st.getPath(), "_delta_log"))) {
            paths.add(root + "/" + name + "/" + st.getPath().getName());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
    paths.sort(null);
    return paths;
  }

  /** Removes a folder of the warehouse (a run's staging area), wherever the warehouse lives. */
  public void delete(SparkSession spark, String location) {
    Path p = new Path(location);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(p)) {
        fs.delete(p, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + location, e);
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
