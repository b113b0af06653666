package io.engineroom.cli;

/** Where the CLI talks to people: progress and results on stdout, problems on stderr. */
final class Console {
  private Console() {}

  static void info(String message) {
    System.out.println(message);
  }

  static void progress(String message) {
    System.out.println("  .. " + message);
  }

  static void error(String message) {
    System.err.println("error: " + message);
  }
}
