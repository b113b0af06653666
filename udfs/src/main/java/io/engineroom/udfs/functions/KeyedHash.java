package io.engineroom.udfs.functions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.api.java.UDF2;

/**
 * {@code er_keyed_hash(value, key)}: HMAC-SHA256 of the value under a secret key, as 20 hex digits.
 * Used for pseudonyms and title hashes: stable for one key, not reversible without it, and a new
 * key unlinks every earlier pseudonym. Null value or empty key gives null (nothing to hash with).
 */
public final class KeyedHash implements UDF2<String, String, String> {
  public static final String NAME = "er_keyed_hash";
  private static final int HEX_DIGITS = 20;

  @Override
  public String call(String value, String key) {
    if (value == null || key == null || key.isEmpty()) {
      return null;
    }
    return hash(value, key);
  }

  public static String hash(String value, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(HEX_DIGITS);
      for (int i = 0; hex.length() < HEX_DIGITS; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }
}
