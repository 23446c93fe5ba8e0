package dev.ftadvisor.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled rules folder in a form that outlives the process: the KIE module (kjar) bytes the
 * executable model produced, the rule index (so a load needs no DRL parser), and the two keys that
 * say whether it may be reused: the rules folder's content hash and the engine version that built
 * it. Written into the jar for the bundled rules and into the disk cache for edited ones; the
 * serialized form ends with a SHA-256 of everything before it, so a truncated or altered entry is
 * refused instead of trusted.
 */
public record CompiledRules(String engineVersion, String rulesVersion, List<RuleInfo> rules, byte[] kjar) {
    private static final int MAGIC = 0x46544B42; // "FTKB"
    private static final int FORMAT = 1;
    private static final int DIGEST_LENGTH = 32;

    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(kjar.length + 64 * 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(engineVersion);
            out.writeUTF(rulesVersion);
            out.writeInt(rules.size());
            for (RuleInfo r : rules) {
                writeRule(out, r);
            }
            out.writeInt(kjar.length);
            out.write(kjar);
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] all = Arrays.copyOf(body, body.length + DIGEST_LENGTH);
            System.arraycopy(sha256(body, body.length), 0, all, body.length, DIGEST_LENGTH);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an entry back; any damage (checksum, truncation, unknown format) is a {@link CorruptEntryException}. */
    public static CompiledRules fromBytes(byte[] all) {
        if (all.length < DIGEST_LENGTH + 8) throw new CorruptEntryException("too short (" + all.length + " bytes)");
        int bodyLength = all.length - DIGEST_LENGTH;
        byte[] digest = sha256(all, bodyLength);
        if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(all, bodyLength, all.length))) {
            throw new CorruptEntryException("checksum mismatch");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, bodyLength))) {
            if (in.readInt() != MAGIC) throw new CorruptEntryException("not a compiled rules entry");
            int format = in.readInt();
            if (format != FORMAT) throw new CorruptEntryException("format " + format + ", expected " + FORMAT);
            String engine = in.readUTF();
            String version = in.readUTF();
            int count = in.readInt();
            List<RuleInfo> rules = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rules.add(readRule(in));
            }
            byte[] kjar = new byte[in.readInt()];
            in.readFully(kjar);
            return new CompiledRules(engine, version, List.copyOf(rules), kjar);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptEntryException c) throw c;
            throw new CorruptEntryException("unreadable: " + e);
        }
    }

    private static void writeRule(DataOutputStream out, RuleInfo r) throws IOException {
        writeNullable(out, r.name());
        writeNullable(out, r.id());
        out.writeInt(r.sources().size());
        for (String s : r.sources()) out.writeUTF(s);
        writeNullable(out, r.severity());
        writeNullable(out, r.topic());
        writeNullable(out, r.description());
        writeNullable(out, r.file());
        out.writeInt(r.line());
        writeNullable(out, r.packageName());
        writeLong(out, r.conditions());
        writeLong(out, r.consequence());
    }

    private static RuleInfo readRule(DataInputStream in) throws IOException {
        String name = readNullable(in);
        String id = readNullable(in);
        int n = in.readInt();
        List<String> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) sources.add(in.readUTF());
        return new RuleInfo(name, id, List.copyOf(sources), readNullable(in), readNullable(in), readNullable(in),
                readNullable(in), in.readInt(), readNullable(in), readLong(in), readLong(in));
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Condition and consequence text may exceed writeUTF's 64 KB limit. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A serialized entry that must not be used. */
    public static final class CorruptEntryException extends RuntimeException {
        public CorruptEntryException(String message) {
            super(message);
        }
    }
}
