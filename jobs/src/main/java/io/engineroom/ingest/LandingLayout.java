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
 * HDFS, S3), so the same job runs embedded and on a cluster; and names every entry of those folders
 * it does not read, with the reason ({@link #skipped}), so nothing is passed over in silence.
 *
 * <p>A file is complete when it has its final name: producers write under a temporary name (a
 * leading '.' or '_', or a '.part' / '.tmp' ending) and rename it when done, the convention of
 * Hadoop, Spark and most transfer tools. Producers that cannot rename can ask for a minimum age
 * instead ({@code ingest.min-file-age-seconds}).
 */
public final class LandingLayout {
  /**
   * How big and how old a landing file must be to be read, how far a gzip file may unpack, and the
   * text encoding each source is declared to use (UTF-8 unless {@code ingest.encodings} says otherwise).
   */
  public record FileRules(long maxBytes, long minAgeSeconds, int maxUnpackRatio,
      java.util.HashMap<LandingSource, String> encodings) implements java.io.Serializable {
    public static final FileRules DEFAULT = new FileRules(1L << 30, 0,
        io.engineroom.ingest.readers.XesReader.DEFAULT_MAX_RATIO, new java.util.HashMap<>());

    public java.nio.charset.Charset charset(LandingSource source) {
      return java.nio.charset.Charset.forName(encodings.getOrDefault(source, "UTF-8"));
    }

    /** Parses {@code "audits=windows-1252, roster=ISO-8859-1"}; names a wrong source or encoding. */
    static java.util.HashMap<LandingSource, String> parseEncodings(String setting) {
      java.util.HashMap<LandingSource, String> encodings = new java.util.HashMap<>();
      for (String entry : setting.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] parts = entry.split("=", 2);
        LandingSource source = java.util.Arrays.stream(LandingSource.values())
            .filter(s -> parts.length == 2 && s.folder().equals(parts[0].trim())).findFirst()
            .orElseThrow(() -> new io.engineroom.config.ConfigException("ingest.encodings: '" + entry.trim()
                + "' is not <source folder>=<encoding>, e.g. audits=windows-1252"));
        if (!java.nio.charset.Charset.isSupported(parts[1].trim())) {
          throw new io.engineroom.config.ConfigException("ingest.encodings: this Java does not know the encoding '"
              + parts[1].trim() + "' (for " + parts[0].trim() + "); use a name such as UTF-8 or windows-1252");
        }
        encodings.put(source, parts[1].trim());
      }
      return encodings;
    }
  }

  /** An entry of a delivery folder that is not read, and why (a reason code of ReasonCodes). */
  public record SkippedFile(LandingSource source, String file, String reason) {}

  private final String root;
  private final Configuration hadoop;
  private final FileRules rules;

  public LandingLayout(String root, Configuration hadoop) {
    this(root, hadoop, FileRules.DEFAULT);
  }

  /** The landing of the configuration, with its file rules. */
  public static LandingLayout from(io.engineroom.config.EngineRoomConfig config, Configuration hadoop) {
    return from(config, config.get(io.engineroom.config.ConfigKeys.LANDING_PATH), hadoop);
  }

  /** A landing at {@code root} (a folder holding one XES log, say) with the configuration's file rules. */
  public static LandingLayout from(io.engineroom.config.EngineRoomConfig config, String root, Configuration hadoop) {
    return new LandingLayout(root, hadoop, new FileRules(
        Long.parseLong(config.get(io.engineroom.config.ConfigKeys.INGEST_MAX_FILE_BYTES)),
        config.getInt(io.engineroom.config.ConfigKeys.INGEST_MIN_FILE_AGE_SECONDS),
        config.getInt(io.engineroom.config.ConfigKeys.INGEST_MAX_UNPACK_RATIO),
        FileRules.parseEncodings(config.get(io.engineroom.config.ConfigKeys.INGEST_ENCODINGS))));
  }

  public LandingLayout(String root, Configuration hadoop, FileRules rules) {
    this.root = root;
    this.hadoop = hadoop;
    this.rules = rules;
  }

  public String root() {
    return root;
  }

  public FileRules rules() {
    return rules;
  }

  /** Files of a source delivered on a date; outcomes come in month folders, reference data undated. */
  public List<String> files(LandingSource source, LocalDate delivery) {
    List<String> files = new ArrayList<>();
    for (Path dir : folders(source, delivery)) {
      scan(dir, source, files, new ArrayList<>());
    }
    return files;
  }

  /** Entries of the same folders that are not read, each with its reason. */
  public List<SkippedFile> skipped(LandingSource source, LocalDate delivery) {
    List<SkippedFile> skipped = new ArrayList<>();
    for (Path dir : folders(source, delivery)) {
      scan(dir, source, new ArrayList<>(), skipped);
    }
    return skipped;
  }

  private List<Path> folders(LandingSource source, LocalDate delivery) {
    Path base = new Path(root, source.folder());
    List<Path> folders = new ArrayList<>();
    switch (source) {
      case OUTCOMES:
        for (String month : subfolders(base)) {
          if (month.matches("\\d{4}-\\d{2}") && !YearMonth.parse(month).isAfter(YearMonth.from(delivery))) {
            folders.add(new Path(base, month));
          }
        }
        return folders;
      case APP_CATEGORIES:
        return List.of(base);
      default:
        return List.of(new Path(base, delivery.toString()));
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

  private void scan(Path dir, LandingSource source, List<String> files, List<SkippedFile> skipped) {
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      if (!fs.exists(dir)) {
        return;
      }
      long now = System.currentTimeMillis();
      for (FileStatus st : fs.listStatus(dir)) {
        String name = st.getPath().getName();
        String qualified = fs.makeQualified(st.getPath()).toString();
        String reason = null;
        if (isSymbolicLink(st.getPath())) {
          reason = "SYMBOLIC_LINK"; // never followed: it could point anywhere on the server
        } else if (st.isDirectory()) {
          reason = source == LandingSource.APP_CATEGORIES ? null : "NOT_A_FILE";
        } else if (isTemporary(name)) {
          reason = "INCOMPLETE_FILE";
        } else if (!accepts(source, name)) {
          reason = "NOT_A_CONTRACT_FILE";
        } else if (name.contains(":")) {
          reason = "UNREADABLE_NAME"; // Hadoop paths cannot address a name with a colon (HADOOP-3257)
        } else if (st.getLen() > rules.maxBytes) {
          reason = "FILE_TOO_BIG";
        } else if (now - st.getModificationTime() < rules.minAgeSeconds * 1000) {
          reason = "INCOMPLETE_FILE";
        } else {
          files.add(qualified);
        }
        if (reason != null) {
          skipped.add(new SkippedFile(source, relative(qualified), reason));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    files.sort(null);
    skipped.sort(java.util.Comparator.comparing(SkippedFile::file));
  }

  /** Hadoop hides links unless told otherwise; on a local landing, ask Java. */
  private static boolean isSymbolicLink(Path path) {
    java.net.URI uri = path.toUri();
    return ("file".equals(uri.getScheme()) || uri.getScheme() == null)
        && java.nio.file.Files.isSymbolicLink(java.nio.file.Path.of(uri.getPath()));
  }

  /** Being written, by the usual conventions: hidden, underscore, or a partial-download ending. */
  private static boolean isTemporary(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return name.startsWith(".") || name.startsWith("_") || lower.endsWith(".part") || lower.endsWith(".tmp")
        || lower.endsWith(".crdownload") || lower.endsWith(".partial");
  }

  static boolean accepts(LandingSource source, String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT); // ROSTER.CSV is a CSV file too
    switch (source) {
      case ACTIVITY: return name.endsWith(".json");
      case WORK_EVENTS: return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".xes")
          || name.endsWith(".xes.gz");
      case APP_CATEGORIES: return name.equals("app_categories.csv");
      default: return name.endsWith(".csv");
    }
  }
}
