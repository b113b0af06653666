package io.engineroom.cli;

/** Where the CLI talks to people: progress and results on stdout, problems on stderr. */
final class Console {
  private static final long STARTED = System.nanoTime();

  private Console() {}

  static void info(String message) {
    System.out.println(message);
  }

  static void progress(String message) {
    System.out.printf("  .. [%5.0fs] %s%n", (System.nanoTime() - STARTED) / 1e9, message.replaceFirst("^\\s*\\.\\. ", ""));
  }

  static void error(String message) {
    System.err.println("error: " + message);
  }
}
