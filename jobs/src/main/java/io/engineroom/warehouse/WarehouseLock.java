package io.engineroom.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One writer per warehouse: a lock file ({@code <warehouse>/_lock/writer.json}) naming its owner
 * (host, process, what it runs), when it started, and until when its lease runs. The holder renews
 * the lease while it works. Another writer refuses with who holds it; it takes a lock over only
 * when its holder is gone: a process of this host that no longer exists, or a lease that ran out
 * (a holder on another host that stopped renewing). Creation and take-over are atomic on a local
 * or POSIX-like file system (create-exclusive, rename); on object stores use a single scheduler.
 */
public final class WarehouseLock implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Locks this process holds: a job inside a job (forget rebuilding the marts) shares its lock. */
  private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** How long a holder that stopped renewing keeps the lock. */
  public static final Duration LEASE = Duration.ofMinutes(2);
  private final Path file;
  private final Map<String, Object> owner;
  private final Duration lease;
  private final ScheduledExecutorService renewer;

  private WarehouseLock(Path file, Map<String, Object> owner, Duration lease) {
    this.file = file;
    this.owner = owner;
    this.lease = lease;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "engineroom-lock-lease");
      t.setDaemon(true);
      return t;
    });
    renewer.scheduleAtFixedRate(this::renew, lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
  }

  /** Raised when another live writer holds the warehouse; the message says who and what to do. */
  public static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  /**
   * Takes the warehouse's lock for {@code what} (e.g. "nightly 2026-03-02"), or throws
   * {@link HeldException} naming the holder.
   */
  public static WarehouseLock acquire(Warehouse warehouse, String what, Duration lease) {
    if (warehouse.root().contains("://") && !warehouse.root().startsWith("file:")) {
      // On HDFS or object stores the scheduler must keep to one writer; see docs/data-quality.md.
      return new WarehouseLock(null, Map.of(), lease);
    }
    Path file = Path.of(warehouse.root().replaceFirst("^file:", "")).resolve("_lock").resolve("writer.json");
    if (!HELD.add(file)) {
      return new WarehouseLock(null, Map.of(), lease); // this process holds it already
    }
    try {
      return take(file, warehouse, what, lease);
    } catch (RuntimeException e) {
      HELD.remove(file);
      throw e;
    }
  }

  private static WarehouseLock take(Path file, Warehouse warehouse, String what, Duration lease) {
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("host", hostName());
    owner.put("pid", ProcessHandle.current().pid());
    owner.put("what", what);
    owner.put("started_at", Instant.now().toString());
    try {
      Files.createDirectories(file.getParent());
      for (int attempt = 0; attempt < 3; attempt++) {
        if (tryCreate(file, owner, lease)) {
          return new WarehouseLock(file, owner, lease);
        }
        Map<String, Object> holder = read(file);
        if (holder == null) {
          continue; // released between our two looks
        }
        if (!isGone(holder)) {
          throw new HeldException("The warehouse " + warehouse.root() + " is being written by another run: "
              + holder.get("what") + " (process " + holder.get("pid") + " on " + holder.get("host") + ", since "
              + holder.get("started_at") + "). One writer at a time keeps the tables consistent. Wait for it to "
              + "finish and run this again; if that process is gone, its lock is taken over automatically by "
              + holder.get("lease_until") + ".");
        }
        // The holder is gone: move its lock aside (only one taker's rename succeeds), then try again.
        try {
          Files.move(file, file.resolveSibling("writer.json.stale-" + System.nanoTime()),
              StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException takenMeanwhile) {
          // another taker moved it first; the next attempt sees its lock
        }
      }
      throw new HeldException("Could not take the lock " + file + " after three attempts; another run is "
          + "starting at the same moment. Run this again.");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the warehouse lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the lock whole under a private name, then links it in: exactly one creator wins. */
  private static boolean tryCreate(Path file, Map<String, Object> owner, Duration lease) throws IOException {
    Path mine = file.resolveSibling("writer.json.new-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    Files.writeString(mine, content(owner, lease), StandardCharsets.UTF_8);
    try {
      Files.createLink(file, mine);
      return true;
    } catch (FileAlreadyExistsException held) {
      return false;
    } finally {
      Files.deleteIfExists(mine);
    }
  }

  private static String content(Map<String, Object> owner, Duration lease) throws IOException {
    Map<String, Object> content = new LinkedHashMap<>(owner);
    content.put("lease_until", Instant.now().plus(lease).toString());
    return JSON.writeValueAsString(content);
  }

  /** Gone: a process of this host that has exited, or a lease that ran out. */
  private static boolean isGone(Map<String, Object> holder) {
    Object until = holder.get("lease_until");
    if (until != null && Instant.parse(until.toString()).isBefore(Instant.now())) {
      return true;
    }
    if (hostName().equals(holder.get("host")) && holder.get("pid") instanceof Number) {
      long pid = ((Number) holder.get("pid")).longValue();
      return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
    return false;
  }

  private void renew() {
    Map<String, Object> current = file == null ? null : read(file);
    // Renew only our own lock: if it was taken over (we stalled past the lease), do not write it back.
    if (current != null && owner.get("started_at").equals(current.get("started_at"))
        && String.valueOf(owner.get("pid")).equals(String.valueOf(current.get("pid")))) {
      try {
        write(file, owner, lease);
      } catch (IOException e) {
        // The next renewal tries again; the lease is long enough to miss one.
      }
    }
  }

  private static void write(Path file, Map<String, Object> owner, Duration lease) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".renew-" + ProcessHandle.current().pid());
    Files.writeString(temp, content(owner, lease), StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path file) {
    try {
      String text = Files.readString(file);
      return text.isBlank() ? null : JSON.readValue(text, Map.class);
    } catch (IOException e) {
      return null; // vanished or half-written: treat as free, the exclusive create decides
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    if (file != null) {
      HELD.remove(file);
    }
    Map<String, Object> current = file == null ? null : read(file);
    if (current != null && owner.get("started_at").equals(current.get("started_at"))) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("could not release the warehouse lock " + file, e);
      }
    }
  }
}
