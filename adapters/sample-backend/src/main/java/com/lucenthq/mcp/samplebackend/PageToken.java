package com.lucenthq.mcp.samplebackend;

import com.google.protobuf.MessageLite;
import io.grpc.StatusRuntimeException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Opaque page tokens: base64url (no padding) of a format version, a fingerprint of the request's
 * criteria (org, filters, sort) and the offset of the next item. The fingerprint is what makes a
 * token used with other criteria or another org fail instead of silently paging a different list.
 */
final class PageToken {

    private static final byte VERSION = 1;
    private static final int LENGTH = Byte.BYTES + Long.BYTES + Integer.BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageToken() {
    }

    /**
     * The fingerprint of a request's criteria: the request with its paging fields cleared and any
     * repeated fields in a canonical order. Protobuf serializes a map-free message deterministically.
     */
    static long fingerprint(MessageLite criteria) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(criteria.toByteArray());
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static String encode(long fingerprint, int offset) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(fingerprint).putInt(offset);
        return ENCODER.encodeToString(bytes.array());
    }

    /** The offset {@code token} carries, or INVALID_ARGUMENT when it was not issued for these criteria. */
    static int decode(String token, long fingerprint) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        if (bytes.length != LENGTH) {
            throw notIssued();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != VERSION || buffer.getLong() != fingerprint) {
            throw notIssued();
        }
        int offset = buffer.getInt();
        if (offset <= 0) {
            throw notIssued();
        }
        return offset;
    }

    private static StatusRuntimeException notIssued() {
        return Requests.invalid("page_token was not returned by this service for these org_id, filters and sort");
    }
}
