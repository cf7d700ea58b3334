package io.tributary.schemas.serde;

import java.nio.BufferOverflowException;
import java.util.Arrays;

import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;

/**
 * Avro binary encoder that writes straight into a byte array: either a growable scratch array it
 * owns, or a caller's array bounded by a limit.
 *
 * <p>Why not {@code EncoderFactory.directBinaryEncoder}: that one goes through an
 * {@code OutputStream} call per primitive and encodes every {@code String} with
 * {@code String.getBytes}, allocating a byte[] per string field. This one encodes UTF-8 in place,
 * so encoding a record allocates nothing. Varint and float encodings are Avro's own
 * ({@link BinaryData}). Not thread-safe.
 */
final class ByteArrayBinaryEncoder extends BinaryEncoder {

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean growable;

    ByteArrayBinaryEncoder(int initialCapacity) {
        reset(new byte[initialCapacity], 0, initialCapacity, true);
    }

    /** Write into {@code target[offset, limit)}; grow (copying into a new array) only if allowed. */
    void reset(byte[] target, int offset, int limit, boolean growable) {
        this.buf = target;
        this.pos = offset;
        this.limit = limit;
        this.growable = growable;
    }

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    /** Make room for {@code n} more bytes. */
    private void ensure(int n) {
        if (limit - pos >= n) {
            return;
        }
        if (!growable) {
            throw new BufferOverflowException();
        }
        int needed = pos + n;
        int newCapacity = Math.max(needed, buf.length * 2);
        buf = Arrays.copyOf(buf, newCapacity);
        limit = newCapacity;
    }

    /** The header goes through here so it shares the bound check of the payload. */
    void writeRaw(byte[] bytes, int off, int len) {
        ensure(len);
        System.arraycopy(bytes, off, buf, pos, len);
        pos += len;
    }

    @Override
    public void writeBoolean(boolean b) {
        ensure(1);
        buf[pos++] = (byte) (b ? 1 : 0);
    }

    @Override
    public void writeInt(int n) {
        ensure(5);
        pos += BinaryData.encodeInt(n, buf, pos);
    }

    @Override
    public void writeLong(long n) {
        ensure(10);
        pos += BinaryData.encodeLong(n, buf, pos);
    }

    @Override
    public void writeFloat(float f) {
        ensure(4);
        pos += BinaryData.encodeFloat(f, buf, pos);
    }

    @Override
    public void writeDouble(double d) {
        ensure(8);
        pos += BinaryData.encodeDouble(d, buf, pos);
    }

    @Override
    public void writeFixed(byte[] bytes, int start, int len) {
        writeRaw(bytes, start, len);
    }

    @Override
    protected void writeZero() {
        ensure(1);
        buf[pos++] = 0;
    }

    @Override
    public void writeString(String s) {
        int chars = s.length();
        if (isAscii(s, chars)) {
            writeInt(chars);
            ensure(chars);
            for (int i = 0; i < chars; i++) {
                buf[pos + i] = (byte) s.charAt(i);
            }
            pos += chars;
        } else {
            int utf8Length = utf8Length(s, chars);
            writeInt(utf8Length);
            ensure(utf8Length);
            pos = encodeUtf8(s, chars, buf, pos);
        }
    }

    @Override
    public int bytesBuffered() {
        return 0;
    }

    @Override
    public void flush() {
        // nothing buffered outside the target array
    }

    private static boolean isAscii(String s, int chars) {
        for (int i = 0; i < chars; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Length of the UTF-8 encoding; an unpaired surrogate counts as '?' like String.getBytes. */
    private static int utf8Length(String s, int chars) {
        int len = chars;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                    len += 2; // 4 bytes for the pair of 2 chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // unpaired: encoded as a single '?'
                } else {
                    len += 2;
                }
            }
        }
        return len;
    }

    private static int encodeUtf8(String s, int chars, byte[] out, int p) {
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[p++] = (byte) (0xF0 | (cp >> 18));
                out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[p++] = '?';
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }
}
