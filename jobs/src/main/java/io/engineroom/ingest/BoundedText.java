package io.engineroom.ingest;

/**
 * Text for a regular expression with a bounded amount of work: Java's engine backtracks, and a rule
 * such as {@code (a+)+$} against a long title would run for hours inside a night. Every character
 * the engine reads counts against a budget proportional to the text's length; past it, the match
 * is abandoned ({@link #find}) as no match. Titles longer than {@link #MAX_CHARS} are matched on
 * their start.
 */
final class BoundedText implements CharSequence {
  static final int MAX_CHARS = 2_000;
  private static final long STEPS_PER_CHAR = 1_000;

  private final String text;
  private final long[] budget;

  private BoundedText(String text, long[] budget) {
    this.text = text;
    this.budget = budget;
  }

  /** Whether the pattern is found in the text within the work budget; abandoned searches are false. */
  static boolean find(java.util.regex.Pattern pattern, String text) {
    String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    try {
      return pattern.matcher(new BoundedText(bounded, new long[] {STEPS_PER_CHAR * (bounded.length() + 16)})).find();
    } catch (TooMuchWork e) {
      return false;
    }
  }

  @Override
  public char charAt(int index) {
    if (--budget[0] < 0) {
      throw new TooMuchWork();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedText(text.substring(start, end), budget);
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class TooMuchWork extends RuntimeException {
    TooMuchWork() {
      super(null, null, false, false);
    }
  }
}
