package io.engineroom.ingest;

import io.engineroom.udfs.functions.KeyedHash;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Workers erased with {@code engineroom forget}, as ingest applies them: rows of an erased worker
 * (roster snapshots, work events, desktop events from their machines while they had them) are not
 * landed again, and references to them (auditor, manager) are blanked. Workers and hosts are known
 * only by a keyed hash, so the register itself holds no personal data.
 */
public final class Tombstones implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Tombstones NONE = new Tombstones("", Set.of(), List.of());
  private final String salt;
  private final Set<String> workerKeys;
  private final List<HostRange> hosts;

  /** A machine of an erased worker, by keyed hash, and the days it was theirs. */
  public record HostRange(String hostKey, LocalDate from, LocalDate to) implements Serializable {}

  public Tombstones(String salt, Set<String> workerKeys, List<HostRange> hosts) {
    this.salt = salt;
    this.workerKeys = Set.copyOf(workerKeys);
    this.hosts = List.copyOf(hosts);
  }

  public boolean isEmpty() {
    return workerKeys.isEmpty() && hosts.isEmpty();
  }

  public boolean erasesWorker(String workerId) {
    return workerId != null && !workerId.isEmpty() && !workerKeys.isEmpty()
        && workerKeys.contains(KeyedHash.hash(workerId, salt));
  }

  /** Whether a desktop event from this host at this timestamp was an erased worker's. */
  public boolean erasesHostEvent(String hostname, String timestamp) {
    if (hosts.isEmpty() || hostname == null || hostname.isEmpty()) {
      return false;
    }
    String key = KeyedHash.hash(hostname, salt);
    LocalDate day = dayOf(timestamp);
    for (HostRange range : hosts) {
      // As silver assigns owners: from the day before the first snapshot naming the host.
      if (range.hostKey.equals(key) && (day == null || (!day.isBefore(range.from.minusDays(1))
          && (range.to == null || !day.isAfter(range.to.plusDays(1)))))) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate dayOf(String timestamp) {
    try {
      return timestamp == null || timestamp.length() < 10 ? null : LocalDate.parse(timestamp.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
