package io.engineroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.TableFingerprint;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real ingest process (SIGKILL, a separate JVM) in the middle of building silver, runs the
 * night again, and checks the tables equal those of a run that was never interrupted. While the
 * first process writes, a second one on the same warehouse refuses; after the kill, the next run
 * takes the dead process's lock over.
 */
class TestIngestSurvivesAKill {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  @TempDir Path dir;

  @Test
  void aKilledIngestRerunEqualsAnUninterruptedOne() throws Exception {
    Path landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 20, DAY, 1, 21L, 0.01), s -> { }).run();
    Path killed = dir.resolve("wh-killed");
    Path clean = dir.resolve("wh-clean");

    List<String> second = new ArrayList<>();
    List<String> seen = killDuring(landing, killed, "silver work events", second);
    assertThat(seen).as("the child got as far as silver before it was killed")
        .anyMatch(l -> l.contains("silver work events"));
    assertThat(Files.exists(killed.resolve("bronze"))).as("bronze was written before the kill").isTrue();
    assertThat(second.get(0)).as("a second run while the first writes: its exit code").isEqualTo("3");
    assertThat(String.join("\n", second)).contains("is being written by another run: ingest")
        .doesNotContain("\tat ");

    EngineRoomConfig config = SparkTestSession.config(landing.toString(), killed.toString(),
        "ingest.max-bad-share=1.0");
    SparkSession spark = SparkTestSession.start(config);
    try (WarehouseLock takenOver = WarehouseLock.acquire(new Warehouse(killed), "rerun", WarehouseLock.LEASE)) {
      // The killed process's lock named a process that is gone: taken over at once, no lease to wait out.
      LandingLayout layout = new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration());
      new IngestJob(spark, config, new Warehouse(killed), layout, s -> { }).run(DAY, "rerun");
      new IngestJob(spark, config, new Warehouse(clean), layout, s -> { }).run(DAY, "clean");
      String afterKill = TableFingerprint.ofLayers(spark, new Warehouse(killed), Layer.BRONZE, Layer.SILVER, Layer.OPS);
      String uninterrupted = TableFingerprint.ofLayers(spark, new Warehouse(clean), Layer.BRONZE, Layer.SILVER,
          Layer.OPS);
      assertThat(afterKill).as("every bronze, silver and quarantine table").isEqualTo(uninterrupted);
      assertThat(afterKill).contains("silver.work_items", "ops.quarantine");
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs ingest in a child JVM and kills it (SIGKILL) when its progress mentions {@code marker}; once
   * it holds the warehouse, runs a second ingest on the same warehouse to the end, whose exit code and
   * output go to {@code second}.
   */
  private static List<String> killDuring(Path landing, Path warehouse, String marker, List<String> second)
      throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.util.Properties opens = new java.util.Properties();
    try (java.io.InputStream in = Files.newInputStream(
        Path.of(System.getProperty("engineroom.project.root", "..")).resolve("conf/jvm-opens.properties"))) {
      opens.load(in);
    }
    for (String flag : opens.getProperty("spark.jvm.opens").split(" ")) {
      if (!flag.isBlank()) {
        cmd.add(flag);
      }
    }
    cmd.addAll(List.of("-Xmx2g", "-cp", classpath, "io.engineroom.cli.EngineRoom", "ingest", "--date", DAY.toString(),
        "--landing", landing.toString(), "--warehouse", warehouse.toString(), "--set", "ingest.max-bad-share=1.0",
        "--set", "spark.master=local[2]"));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (second.isEmpty() && line.contains(": bronze ")) { // the lock is held from before bronze
          Process rival = new ProcessBuilder(cmd).redirectErrorStream(true).start();
          String rivalOutput = new String(rival.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(rival.waitFor(120, TimeUnit.SECONDS)).isTrue();
          second.add(Integer.toString(rival.exitValue()));
          second.add(rivalOutput);
        }
        if (line.contains(marker)) {
          Thread.sleep(1500); // let it get properly into the step
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("killed, not finished: " + String.join("\n", lines)).isNotZero();
    return lines;
  }
}
