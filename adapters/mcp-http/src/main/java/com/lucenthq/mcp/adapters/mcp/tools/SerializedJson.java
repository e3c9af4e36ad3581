package com.lucenthq.mcp.adapters.mcp.tools;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON value serialized once, as UTF-8. A tool result carries its structured content twice, as JSON and as the
 * text of a content block, and the result budget needs its size: all three come from this one serialization
 * instead of walking the tree three times, and the bytes are copied into the response as they are.
 *
 * <p>An answer ({@link #fenced}) is written between the two halves of an {@link UntrustedFence} in the same buffer:
 * the whole buffer is the text block, the part between them the structured content, so the fence costs no copy.
 */
public final class SerializedJson {

    private static final JsonFactory FACTORY = new ObjectMapper().getFactory();
    /** A page of list results is a few KiB; the builder grows in chunks beyond this. */
    private static final int INITIAL_BYTES = 8192;

    /** The fence's opening, the JSON, the fence's closing; without a fence, the JSON alone. */
    private final byte[] utf8;
    private final int jsonStart;
    private final int jsonEnd;

    private SerializedJson(byte[] utf8, int jsonStart, int jsonEnd) {
        this.utf8 = utf8;
        this.jsonStart = jsonStart;
        this.jsonEnd = jsonEnd;
    }

    /** {@code value} as {@code render} writes it, straight to UTF-8 with no tree in between. */
    public static <T> SerializedJson writing(Rendering<T> render, T value) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(INITIAL_BYTES);
        write(bytes, render, value);
        byte[] utf8 = bytes.toByteArray();
        return new SerializedJson(utf8, 0, utf8.length);
    }

    /** An answer for the model: {@code value} as {@code render} writes it, inside a fresh {@link UntrustedFence}. */
    public static <T> SerializedJson fenced(Rendering<T> render, T value) {
        UntrustedFence fence = UntrustedFence.fresh();
        ByteArrayBuilder bytes = new ByteArrayBuilder(INITIAL_BYTES);
        bytes.write(fence.opening());
        int jsonStart = bytes.size();
        write(bytes, render, value);
        int jsonEnd = bytes.size();
        bytes.write(fence.closing());
        return new SerializedJson(bytes.toByteArray(), jsonStart, jsonEnd);
    }

    private static <T> void write(ByteArrayBuilder bytes, Rendering<T> render, T value) {
        try (JsonGenerator out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            render.write(out, value);
        } catch (IOException e) {
            // Writing into memory fails only on a bug here, e.g. an unbalanced object.
            throw new UncheckedIOException("cannot serialize JSON", e);
        }
    }

    /** A tree, e.g. a whole JSON-RPC answer, with its raw values written as they are. */
    public static SerializedJson of(JsonNode value) {
        return writing(JsonGenerator::writeTree, value);
    }

    /** The compact JSON text. */
    public String json() {
        return new String(utf8, jsonStart, jsonEnd - jsonStart, StandardCharsets.UTF_8);
    }

    /** The text block: the JSON, inside its fence if it has one. */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The JSON in UTF-8, to send as it is: the array itself, which nobody may change. */
    public byte[] utf8() {
        if (jsonStart != 0 || jsonEnd != utf8.length) {
            throw new IllegalStateException("a fenced answer is embedded in a result, never sent as it is");
        }
        return utf8;
    }

    /** The size of the JSON in UTF-8. */
    public long utf8Length() {
        return jsonEnd - jsonStart;
    }

    /** The size in UTF-8 of the text block as the model reads it: the JSON and its fence. */
    public long textLength() {
        return utf8.length;
    }

    /** The JSON itself, to embed as a value when a tree around it is written. */
    public RawValue asValue() {
        if (jsonStart == 0 && jsonEnd == utf8.length) {
            return new RawValue(new Utf8(utf8));
        }
        return new RawValue(new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
                if (!(out instanceof UTF8JsonGenerator)) {
                    out.writeRawValue(json());
                    return;
                }
                // The part between the fence, straight from this buffer into the generator's, as much as fits at a time.
                Slice rest = new Slice(utf8, jsonStart, jsonEnd);
                out.writeRawValue(rest);
                while (!rest.done()) {
                    out.flush();
                    out.writeRaw(rest);
                }
            }

            @Override
            public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
                    throws IOException {
                serialize(out, serializers);
            }
        });
    }

    /**
     * The text block as a JSON string, to embed as a text value: the fenced JSON of an answer, the JSON alone
     * otherwise. Jackson's byte generator escapes the UTF-8 as it copies it into its output, with no string or
     * intermediate array; a character generator (e.g. a tree's {@code toString()}) is given the text.
     */
    public RawValue asStringLiteral() {
        return new RawValue(new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
                if (out instanceof UTF8JsonGenerator) {
                    out.writeUTF8String(utf8, 0, utf8.length);
                } else {
                    out.writeString(text());
                }
            }

            @Override
            public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
                    throws IOException {
                serialize(out, serializers);
            }
        });
    }

    @Override
    public String toString() {
        return json();
    }

    /**
     * A part of a buffer that Jackson copies into its own in pieces: each append takes as much as fits and reports
     * it, so Jackson never asks for the bytes as one array, which would be a copy.
     */
    private static final class Slice implements SerializableString {

        private final byte[] bytes;
        private int from;
        private final int to;

        Slice(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
        }

        boolean done() {
            return from == to;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            int length = Math.min(to - from, buffer.length - offset);
            System.arraycopy(bytes, from, buffer, offset, length);
            from += length;
            return length;
        }

        @Override
        public String getValue() {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return getValue().toCharArray();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            byte[] rest = Arrays.copyOfRange(bytes, from, to);
            from = to;
            return rest;
        }

        @Override
        public byte[] asQuotedUTF8() {
            return asUnquotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return appendUnquotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return -1;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return -1;
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return writeUnquotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            int length = to - from;
            out.write(bytes, from, length);
            from = to;
            return length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return putUnquotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            int length = Math.min(to - from, buffer.remaining());
            buffer.put(bytes, from, length);
            from += length;
            return length;
        }
    }

    /** Bytes that Jackson writes as they are: it asks only for the unquoted UTF-8 form of a raw value. */
    private record Utf8(byte[] bytes) implements SerializableString {

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            return getValue().toCharArray();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public byte[] asQuotedUTF8() {
            return bytes;
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return appendUnquotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return appendUnquoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return writeUnquotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return putUnquotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer out) {
            if (out.remaining() < bytes.length) {
                return -1;
            }
            out.put(bytes);
            return bytes.length;
        }
    }
}
