package io.engineroom.udfs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestKeyedHash {
  private final KeyedHash fn = new KeyedHash();

  @Test
  void matchesPublishedHmacSha256Vector() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(fn.call("what do ya want for nothing?", "Jefe"))
        .as("first 20 hex digits of the RFC 4231 HMAC-SHA256 vector")
        .isEqualTo("5bdcc146bf60754e6a04");
  }

  @Test
  void differentKeysUnlinkPseudonyms() {
    assertThat(fn.call("W00042", "key-a")).isNotEqualTo(fn.call("W00042", "key-b"));
    assertThat(fn.call("W00042", "key-a")).isEqualTo(fn.call("W00042", "key-a"));
  }

  @Test
  void nothingToHashGivesNull() {
    assertThat(fn.call(null, "k")).isNull();
    assertThat(fn.call("W1", "")).as("an empty key must not produce a guessable plain SHA").isNull();
  }
}
