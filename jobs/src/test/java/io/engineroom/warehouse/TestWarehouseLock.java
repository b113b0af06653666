package io.engineroom.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per warehouse: a live holder is refused, a gone one is taken over, nobody else's lock is freed. */
class TestWarehouseLock {
  @TempDir Path dir;

  private Path lockFile() {
    return dir.resolve("_lock").resolve("writer.json");
  }

  private void plant(String host, long pid, Instant leaseUntil) throws Exception {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), "{\"host\":\"" + host + "\",\"pid\":" + pid + ",\"what\":\"nightly 2026-03-02\","
        + "\"started_at\":\"" + Instant.now() + "\",\"lease_until\":\"" + leaseUntil + "\"}");
  }

  @Test
  void aLiveHolderOnThisHostIsRefusedWithWhoHoldsIt() throws Exception {
    Process other = new ProcessBuilder("sleep", "30").start();
    try {
      plant(InetAddress.getLocalHost().getHostName(), other.pid(), Instant.now().plusSeconds(120));
      assertThatThrownBy(() -> WarehouseLock.acquire(new Warehouse(dir), "nightly 2026-03-03", Duration.ofMinutes(2)))
          .isInstanceOf(WarehouseLock.HeldException.class)
          .hasMessageContaining("being written by another run: nightly 2026-03-02")
          .hasMessageContaining("process " + other.pid());
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aKilledHolderOnThisHostIsTakenOverAtOnce() throws Exception {
    Process killed = new ProcessBuilder("true").start();
    killed.waitFor();
    plant(InetAddress.getLocalHost().getHostName(), killed.pid(), Instant.now().plusSeconds(120));
    try (WarehouseLock lock = WarehouseLock.acquire(new Warehouse(dir), "nightly 2026-03-03", Duration.ofMinutes(2))) {
      assertThat(Files.readString(lockFile())).contains("nightly 2026-03-03")
          .contains("\"pid\":" + ProcessHandle.current().pid());
    }
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aHolderOnAnotherHostKeepsItUntilItsLeaseRunsOut() throws Exception {
    plant("some-other-host", 4242, Instant.now().plusSeconds(120));
    assertThatThrownBy(() -> WarehouseLock.acquire(new Warehouse(dir), "nightly", Duration.ofMinutes(2)))
        .isInstanceOf(WarehouseLock.HeldException.class).hasMessageContaining("some-other-host");
    plant("some-other-host", 4242, Instant.now().minusSeconds(1));
    WarehouseLock.acquire(new Warehouse(dir), "nightly", Duration.ofMinutes(2)).close();
  }

  @Test
  void aJobInsideAJobOfTheSameProcessSharesTheLock() {
    Warehouse warehouse = new Warehouse(dir);
    try (WarehouseLock outer = WarehouseLock.acquire(warehouse, "forget W1", Duration.ofMinutes(2));
        WarehouseLock inner = WarehouseLock.acquire(warehouse, "nightly (rebuild)", Duration.ofMinutes(2))) {
      assertThat(lockFile()).exists();
    }
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aHolderWhoseLockWasTakenOverDoesNotFreeTheNewOne() throws Exception {
    WarehouseLock stalled = WarehouseLock.acquire(new Warehouse(dir), "nightly", Duration.ofMinutes(2));
    plant("some-other-host", 4242, Instant.now().plusSeconds(120)); // taken over while we stalled
    stalled.close();
    assertThat(Files.readString(lockFile())).contains("some-other-host");
  }
}
