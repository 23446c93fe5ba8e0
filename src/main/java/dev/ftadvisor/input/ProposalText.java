package dev.ftadvisor.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the bytes of a proposal (a file, stdin, an HTTP body, a JSONL line) into text the same way for
 * JSON and YAML: a UTF-8 byte-order mark is dropped, UTF-16 with its mark is decoded, anything else
 * must be valid UTF-8, and a NUL byte means a binary file. Size is checked on the bytes, before any
 * parser sees them, so an oversized document costs nothing to refuse.
 */
public final class ProposalText {
    /** The largest proposal document read: a proposal is a few hundred bytes; 1 MiB leaves room for comments. */
    public static final int MAX_BYTES = 1 << 20;

    private ProposalText() {
    }

    /** @throws InputException with {@code field} "" and a one-line problem */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) {
        if (length > MAX_BYTES) {
            throw new InputException("", String.format(Locale.ROOT, "too large: %,d bytes, a proposal is at most %,d", length, MAX_BYTES));
        }
        Charset cs = StandardCharsets.UTF_8;
        int start = offset;
        if (length >= 3 && (bytes[offset] & 0xff) == 0xEF && (bytes[offset + 1] & 0xff) == 0xBB && (bytes[offset + 2] & 0xff) == 0xBF) {
            start += 3;
        } else if (length >= 2 && (bytes[offset] & 0xff) == 0xFE && (bytes[offset + 1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            start += 2;
        } else if (length >= 2 && (bytes[offset] & 0xff) == 0xFF && (bytes[offset + 1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            start += 2;
        }
        int end = offset + length;
        if (cs == StandardCharsets.UTF_8) {
            for (int i = start; i < end; i++) {
                if (bytes[i] == 0) {
                    throw new InputException("", "binary data (a NUL byte at offset " + (i - offset) + "): expected JSON or YAML text in UTF-8");
                }
            }
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes, start, end);
            throw new InputException("", at < 0 ? "not valid " + cs.name() + " text"
                    : String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at offset %d): save the file as UTF-8", bytes[at] & 0xff, at - offset));
        }
    }

    /** The offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
    private static int firstBadByte(byte[] b, int start, int end) {
        int i = start;
        while (i < end) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
            if (n < 0) return i;
            for (int k = 1; k <= n; k++) {
                if (i + k >= end || (b[i + k] & 0xC0) != 0x80) return i;
            }
            i += n + 1;
        }
        return -1;
    }
}
