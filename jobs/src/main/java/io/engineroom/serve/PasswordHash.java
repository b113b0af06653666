package io.engineroom.serve;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow password hashes for the endpoint's users file ({@code pbkdf2-sha256:ITER:SALT:HASH},
 * the JDK's PBKDF2): a leaked file does not give the passwords away, and no password is ever written
 * in clear. {@code engineroom serve --hash-password} makes one.
 */
public final class PasswordHash {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int ITERATIONS = 210_000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PREFIX + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
        + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether {@code hash} has the right form; a users file with anything else is refused at start. */
  public static boolean isWellFormed(String hash) {
    try {
      parse(hash);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Compares in constant time, so the answer time says nothing about the password. */
  public static boolean matches(char[] password, String hash) {
    Object[] parts = parse(hash);
    byte[] expected = (byte[]) parts[2];
    return MessageDigest.isEqual(expected, derive(password, (byte[]) parts[1], (Integer) parts[0]));
  }

  private static Object[] parse(String hash) {
    String[] parts = hash == null ? new String[0] : hash.split(":");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not a " + PREFIX + " hash");
    }
    return new Object[] {Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
        Base64.getDecoder().decode(parts[3])};
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no PBKDF2WithHmacSHA256", e);
    }
  }
}
