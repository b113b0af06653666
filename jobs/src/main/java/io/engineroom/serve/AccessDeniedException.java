package io.engineroom.serve;

/**
 * A statement the endpoint refuses for the connected principal. The message names what was refused
 * and what is allowed instead; Spark's Thrift server hands it to the client as the query's error.
 */
public final class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super("Engine Room access denied: " + message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // an expected refusal, not a fault: no stack trace in the server log or the client
  }
}
