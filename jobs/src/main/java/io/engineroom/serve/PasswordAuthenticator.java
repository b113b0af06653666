package io.engineroom.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * The password check behind {@code serve.auth=password}. HiveServer2 creates this class by name
 * (hive.server2.custom.authentication.class), so the expected credentials are handed over through
 * {@link #expect} rather than the Hive configuration, which Spark shows in its UI and event logs.
 */
public final class PasswordAuthenticator implements PasswdAuthenticationProvider {
  private static volatile String expectedUser;
  private static volatile byte[] expectedDigest;

  /** Sets the one user and password the endpoint accepts; only the digest is kept. */
  public static void expect(String user, String password) {
    expectedUser = user;
    expectedDigest = sha256(password);
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    byte[] digest = expectedDigest;
    if (digest == null) {
      throw new AuthenticationException("password authentication is not configured on this endpoint");
    }
    // Compare digests in constant time so the answer time says nothing about the password.
    boolean userMatches = expectedUser.equals(user);
    boolean passwordMatches = MessageDigest.isEqual(digest, sha256(password == null ? "" : password));
    if (!(userMatches && passwordMatches)) {
      throw new AuthenticationException("wrong user or password for the Engine Room SQL endpoint");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
