package io.engineroom.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestTaskGraph {
  /** a and b are independent (x is no task, so ignored); c needs both; d needs c. */
  private static final Map<String, List<String>> UPSTREAM = Map.of("a", List.of(), "b", List.of("x"),
      "c", List.of("a", "b"), "d", List.of("c"));
  private static final List<String> ORDER = List.of("a", "b", "c", "d");

  @Test
  void eachTaskStartsAfterItsUpstreamOnesFinished() {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    Map<String, List<String>> seenAtStart = new ConcurrentHashMap<>();
    TaskGraph.run(3, "test", ORDER, UPSTREAM::get, task -> {
      seenAtStart.put(task, List.copyOf(finished));
      finished.add(task);
    });
    assertThat(finished).containsExactlyInAnyOrderElementsOf(ORDER);
    assertThat(seenAtStart.get("c")).contains("a", "b");
    assertThat(seenAtStart.get("d")).contains("a", "b", "c");
  }

  @Test
  void independentTasksRunAtTheSameTime() {
    CountDownLatch bothRunning = new CountDownLatch(2);
    Set<String> overlapped = ConcurrentHashMap.newKeySet();
    TaskGraph.run(2, "test", List.of("a", "b"), task -> {
      bothRunning.countDown();
      try {
        if (bothRunning.await(10, TimeUnit.SECONDS)) {
          overlapped.add(task);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertThat(overlapped).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void afterAFailureNothingDownstreamStartsAndTheFailureIsThrown() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    assertThatThrownBy(() -> TaskGraph.run(2, "test", ORDER, UPSTREAM::get, task -> {
      ran.add(task);
      if (task.equals("b")) {
        throw new IllegalStateException("b is broken");
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("b is broken");
    assertThat(ran).doesNotContain("c", "d");
  }

  @Test
  void oneThreadRunsInTheGivenOrderOnTheCallersThread() {
    List<String> ran = new ArrayList<>();
    Thread caller = Thread.currentThread();
    TaskGraph.run(1, "test", ORDER, UPSTREAM::get, task -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      ran.add(task);
    });
    assertThat(ran).containsExactlyElementsOf(ORDER);
  }
}
