package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalText;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The lines of a JSONL or CSV input, split on {@code \n} only (a {@code \r} before it is dropped; a lone
 * {@code \r} is JSON whitespace and stays inside its line), each decoded on its own as strict UTF-8.
 * A line that is not valid text, or is longer than a proposal may be, comes back with its problem
 * instead of its text, so it becomes its own error record and the lines after it keep their numbers.
 * Reading holds one 64 KiB chunk and at most one line.
 */
final class ByteLines {
    /** One physical line: its number (from 1) and its text, or why it has none. */
    record Line(int number, String text, String problem) {
        boolean isBlank() { return problem == null && text.isBlank(); }
    }

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] buf = new byte[256];
    private int number;
    private boolean first = true;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** One byte from our own buffer (a plain array read: the stream's own read() is synchronized). */
    private int read() throws IOException {
        if (pos == limit) {
            limit = in.read(chunk, 0, chunk.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return chunk[pos++] & 0xff;
    }

    void close() throws IOException {
        in.close();
    }

    /** The next line, or {@code null} at the end. */
    Line next() throws IOException {
        if (eof) return null;
        int len = 0;
        boolean tooLong = false;
        int b;
        while ((b = read()) != -1 && b != '\n') {
            if (len == buf.length) {
                if (len >= ProposalText.MAX_BYTES) {
                    tooLong = true;
                    continue; // skip to the end of the line without holding it
                }
                buf = Arrays.copyOf(buf, Math.min(len * 2, ProposalText.MAX_BYTES));
            }
            buf[len++] = (byte) b;
        }
        if (b == -1) {
            eof = true;
            if (len == 0 && !tooLong) return null;
        }
        number++;
        boolean isFirst = first;
        first = false;
        if (tooLong) {
            return new Line(number, null, String.format(Locale.ROOT, "line too long: over %,d bytes, a proposal is at most %,d",
                    ProposalText.MAX_BYTES, ProposalText.MAX_BYTES));
        }
        if (len > 0 && buf[len - 1] == '\r') len--;
        if (isFirst && len >= 2 && ((buf[0] & 0xff) == 0xFE && (buf[1] & 0xff) == 0xFF || (buf[0] & 0xff) == 0xFF && (buf[1] & 0xff) == 0xFE)) {
            eof = true; // nothing after this can be split into lines correctly
            return new Line(number, null, "UTF-16 text: JSONL and CSV inputs are read as UTF-8; save the file as UTF-8");
        }
        try {
            return new Line(number, ProposalText.decode(buf, 0, len), null);
        } catch (InputException e) {
            return new Line(number, null, e.getMessage());
        }
    }
}
