package io.engineroom.warehouse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs tasks on a few threads, each after the tasks it depends on, as dbt's {@code --threads} runs
 * models: independent tables are written side by side, each its own commit. Where cores are
 * idle between small jobs that shortens the work (erasure's rewrites, bigger machines); a 2-core
 * night is CPU-bound and gains nothing measurable.
 * After the first failure no new task starts; the running ones finish, then that failure is thrown.
 * With one thread the tasks run one by one on the caller's thread, in the given order.
 */
public final class TaskGraph {
  private TaskGraph() {}

  /** Runs independent tasks. */
  public static <K> void run(int threads, String name, List<K> tasks, Consumer<K> work) {
    run(threads, name, tasks, task -> List.of(), work);
  }

  /**
   * Runs {@code tasks}, given in an order where each comes after its {@code upstream} ones (upstream
   * keys that are not tasks are ignored).
   */
  public static <K> void run(int threads, String name, List<K> tasks, Function<K, Collection<K>> upstream,
      Consumer<K> work) {
    if (threads <= 1 || tasks.size() <= 1) {
      tasks.forEach(work);
      return;
    }
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), daemonThreads(name));
    try {
      Map<K, CompletableFuture<Void>> started = new HashMap<>();
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (K task : tasks) {
        CompletableFuture<?>[] before = upstream.apply(task).stream().map(started::get).filter(Objects::nonNull)
            .toArray(CompletableFuture[]::new);
        CompletableFuture<Void> done = CompletableFuture.allOf(before).handleAsync((ignored, alsoIgnored) -> {
          if (firstFailure.get() == null) {
            try {
              work.accept(task);
            } catch (RuntimeException | Error e) {
              firstFailure.compareAndSet(null, e);
            }
          }
          return null;
        }, pool);
        started.put(task, done);
        all.add(done);
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdownNow();
    }
    Throwable failure = firstFailure.get();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
