package io.engineroom.config;

/** A setting is missing, unknown or malformed; the message says which and how to fix it. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
