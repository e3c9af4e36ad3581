package com.lucenthq.mcp.domain.page;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.Text;
import java.util.regex.Pattern;

/** An opaque position in a paginated list, handed out with one page to fetch the next. */
public record Cursor(String value) {

    public static final int MAX_LENGTH = 512;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

    public Cursor {
        Text.required("cursor", value);
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException("cursor", "is not a cursor returned by this server");
        }
    }

    public static Cursor of(String value) {
        return new Cursor(value);
    }

    /**
     * The one error for a cursor of the right form that the source did not issue for this org and these arguments
     * (forged, from another listing, or from another org): every source throws this.
     */
    public static InvalidValueException foreign() {
        return new InvalidValueException("cursor", "is not a cursor returned by this server for these arguments");
    }
}
