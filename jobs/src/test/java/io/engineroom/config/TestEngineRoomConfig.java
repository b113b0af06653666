package io.engineroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestEngineRoomConfig {
  @Test
  void defaultsFollowMetricsMd() {
    EngineRoomConfig c = EngineRoomConfig.defaults();
    assertThat(c.getDouble(ConfigKeys.GOALS_TOO_EASY_SHARE)).as("too_easy_share").isEqualTo(0.80);
    assertThat(c.getDouble(ConfigKeys.GOALS_EARLY_SHARE)).as("early_share").isEqualTo(0.25);
    assertThat(c.getInt(ConfigKeys.METRICS_RAMP_UP_DAYS)).as("ramp_up_days").isEqualTo(60);
    assertThat(c.get(ConfigKeys.SPARK_MASTER)).isEqualTo("local[*]");
  }

  @Test
  void layersOverrideInOrder(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("er.yaml");
    Files.writeString(yaml, "engineroom:\n  goals:\n    too-easy-share: 0.9\n    too-hard-attainment: 0.2\n");
    EngineRoomConfig c = EngineRoomConfig.builder()
        .yamlFile(yaml)
        .sparkProperties(Map.of("spark.engineroom.goals.too-hard-attainment", "0.25", "spark.executor.memory", "2g"))
        .override("goals.min-worker-days=30")
        .build();
    assertThat(c.getDouble(ConfigKeys.GOALS_TOO_EASY_SHARE)).as("from the file").isEqualTo(0.9);
    assertThat(c.getDouble(ConfigKeys.GOALS_TOO_HARD_ATTAINMENT)).as("spark --conf beats the file").isEqualTo(0.25);
    assertThat(c.getInt(ConfigKeys.GOALS_MIN_WORKER_DAYS)).as("command line beats all").isEqualTo(30);
  }

  @Test
  void unknownOrMalformedSettingsAreRejectedWithTheFix(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> EngineRoomConfig.builder().override("goals.too-easy-shar=0.9"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("Unknown setting 'engineroom.goals.too-easy-shar'");
    assertThatThrownBy(() -> EngineRoomConfig.builder().override("no-equals-sign"))
        .hasMessageContaining("key=value");
    assertThatThrownBy(() -> EngineRoomConfig.builder().yamlFile(dir.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
    EngineRoomConfig bad = EngineRoomConfig.builder().override("goals.window-days=four").build();
    assertThatThrownBy(() -> bad.getInt(ConfigKeys.GOALS_WINDOW_DAYS)).hasMessageContaining("whole number");
  }

  @Test
  void adaptiveExecutionIsOffOnOneMachineAndOnOnAClusterUnlessForced() {
    assertThat(io.engineroom.warehouse.SparkSessionFactory.adaptive("auto", "local[*]")).isEqualTo("false");
    assertThat(io.engineroom.warehouse.SparkSessionFactory.adaptive("auto", "spark://master:7077")).isEqualTo("true");
    assertThat(io.engineroom.warehouse.SparkSessionFactory.adaptive("TRUE", "local[2]")).isEqualTo("true");
    assertThatThrownBy(() -> io.engineroom.warehouse.SparkSessionFactory.adaptive("sometimes", "local[2]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto, true or false");
  }
}
