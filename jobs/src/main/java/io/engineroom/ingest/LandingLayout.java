package io.engineroom.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the landing files of one delivery date, on any file system Hadoop reaches (local disk,
 * HDFS, S3), so the same job runs embedded and on a cluster.
 */
public final class LandingLayout {
  private final String root;
  private final Configuration hadoop;

  public LandingLayout(String root, Configuration hadoop) {
    this.root = root;
    this.hadoop = hadoop;
  }

  public String root() {
    return root;
  }

  /** Files of a source delivered on a date; outcomes come in month folders, reference data undated. */
  public List<String> files(LandingSource source, LocalDate delivery) {
    Path base = new Path(root, source.folder());
    switch (source) {
      case OUTCOMES:
        List<String> files = new ArrayList<>();
        for (String month : subfolders(base)) {
          if (month.matches("\\d{4}-\\d{2}") && !YearMonth.parse(month).isAfter(YearMonth.from(delivery))) {
            files.addAll(list(new Path(base, month), source));
          }
        }
        return files;
      case APP_CATEGORIES:
        return list(base, source);
      default:
        return list(new Path(base, delivery.toString()), source);
    }
  }

  /**
   * The delivery date a file's folder names ({@code roster/2026-03-05/roster.csv}), if any: a
   * catch-up run over many dates still knows which day each snapshot describes.
   */
  public static java.util.Optional<LocalDate> deliveryDateOf(String relative) {
    String[] parts = relative.split("/");
    if (parts.length >= 3 && parts[1].matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return java.util.Optional.of(LocalDate.parse(parts[1]));
      } catch (java.time.format.DateTimeParseException e) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.empty();
  }

  /** A file's path relative to the landing root, as quarantine and bronze record it. */
  public String relative(String file) {
    String rootUri = qualify(new Path(root)).toString();
    String fileUri = qualify(new Path(file)).toString();
    return fileUri.startsWith(rootUri + "/") ? fileUri.substring(rootUri.length() + 1) : fileUri;
  }

  private Path qualify(Path p) {
    try {
      return p.getFileSystem(hadoop).makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> subfolders(Path dir) {
    List<String> names = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir)) {
        return names;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        if (st.isDirectory()) {
          names.add(st.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    names.sort(null);
    return names;
  }

  private List<String> list(Path dir, LandingSource source) {
    List<String> files = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir)) {
        return files;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        String name = st.getPath().getName();
        if (st.isFile() && !name.startsWith(".") && !name.startsWith("_") && accepts(source, name)) {
          files.add(fs.makeQualified(st.getPath()).toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    files.sort(null);
    return files;
  }

  static boolean accepts(LandingSource source, String name) {
    switch (source) {
      case ACTIVITY: return name.endsWith(".json");
      case WORK_EVENTS: return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".xes")
          || name.endsWith(".xes.gz");
      case APP_CATEGORIES: return name.equals("app_categories.csv");
      default: return name.endsWith(".csv");
    }
  }
}
