package io.engineroom.ingest.readers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a landing file in the encoding its source is declared to use. Bytes that are not valid
 * in that encoding become U+FFFD, never a guess, and {@link TextIntegrity} sends every record holding
 * one to quarantine, so nothing is stored with characters silently replaced.
 */
public final class LandingText {
  private LandingText() {}

  public static String decode(byte[] content, Charset charset) {
    try {
      String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD")
          .decode(ByteBuffer.wrap(content)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark is not data
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("cannot happen with REPLACE", e);
    }
  }

  public static String decode(byte[] content) {
    return decode(content, StandardCharsets.UTF_8);
  }
}
