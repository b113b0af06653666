package io.engineroom.models;

/** A mistake found while rendering a template, with the template line it belongs to. */
final class TemplateProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int line;

  TemplateProblem(int line, String message) {
    super(message);
    this.line = line;
  }
}
