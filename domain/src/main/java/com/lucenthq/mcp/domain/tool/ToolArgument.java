package com.lucenthq.mcp.domain.tool;

import com.lucenthq.mcp.domain.InvalidValueException;
import com.lucenthq.mcp.domain.WireNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A tool argument declared once: its {@link ToolParameter} (name, JSON type, description, bounds, typed default) and
 * how its JSON value becomes {@code T}. Bindings read {@code arguments.get(STATUS)} and get an
 * {@code IssueStatusFilter}; no argument name is written anywhere else.
 *
 * @param <T> the domain type of the argument
 */
public final class ToolArgument<T> {

    private final ToolParameter parameter;
    private final Function<Object, T> parse;

    private ToolArgument(ToolParameter parameter, Function<Object, T> parse) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    public String name() {
        return parameter.name();
    }

    public ToolParameter parameter() {
        return parameter;
    }

    /**
     * The domain value of a JSON value already checked against {@link #parameter()}: a {@code String}, an
     * {@code Integer}, a {@code Boolean} or a {@code List<String>} as its type says.
     *
     * @throws InvalidValueException naming this argument when the value breaks a domain rule
     */
    public T parse(Object json) {
        return parse.apply(json);
    }

    /** This argument, required. */
    public ToolArgument<T> required() {
        return new ToolArgument<>(parameter.asRequired(), parse);
    }

    /** Free text. */
    public static ToolArgument<String> text(String name, String description) {
        return new ToolArgument<>(ToolParameter.text(name, description), String.class::cast);
    }

    /** Free text of at most {@code maxLength} characters, a bound the schema states. */
    public static ToolArgument<String> text(String name, String description, int maxLength) {
        return new ToolArgument<>(ToolParameter.text(name, description, maxLength), String.class::cast);
    }

    /** A list of distinct names among {@code allowed}; the JSON value is a {@code List<String>}. */
    @SuppressWarnings("unchecked")
    public static ToolArgument<List<String>> strings(String name, String description, List<String> allowed) {
        return new ToolArgument<>(ToolParameter.strings(name, description, allowed), json -> List.copyOf((List<String>) json));
    }

    /** Text turned into a value by {@code parse}, which names the argument in its complaint. */
    public static <T> ToolArgument<T> text(String name, String description, Function<String, T> parse) {
        return new ToolArgument<>(ToolParameter.text(name, description), json -> parse.apply((String) json));
    }

    /** A UUID string turned into an id by {@code parse}, which names the argument in its complaint. */
    public static <T> ToolArgument<T> uuid(String name, String description, Function<String, T> parse) {
        return new ToolArgument<>(ToolParameter.uuid(name, description), json -> parse.apply((String) json));
    }

    /** An ISO-8601 date-time with offset ({@code 2026-11-17T09:30:00Z}), or a date meaning its start in UTC. */
    public static ToolArgument<Instant> dateTime(String name, String description) {
        return new ToolArgument<>(ToolParameter.dateTime(name, description), json -> instant(name, (String) json));
    }

    /** One of an enum's wire names, with {@code defaultValue} (or none when null) shown in the schema. */
    public static <E extends Enum<E>> ToolArgument<E> choice(String name, String description, Class<E> type,
                                                             E defaultValue) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList();
        return new ToolArgument<>(ToolParameter.choice(name, description, names,
                defaultValue == null ? null : WireNames.of(defaultValue)),
                json -> WireNames.parse(name, (String) json, type));
    }

    /** One of {@code labels}, turned into a value by {@code parse}. */
    public static <T> ToolArgument<T> choice(String name, String description, List<String> labels, String defaultLabel,
                                             Function<String, T> parse) {
        return new ToolArgument<>(ToolParameter.choice(name, description, labels, defaultLabel),
                json -> parse.apply((String) json));
    }

    /** An integer within bounds, turned into a value by {@code parse}. */
    public static <T> ToolArgument<T> integer(String name, String description, int minimum, int maximum,
                                              int defaultValue, Function<Integer, T> parse) {
        return new ToolArgument<>(ToolParameter.integer(name, description, minimum, maximum, defaultValue),
                json -> parse.apply((Integer) json));
    }

    public static ToolArgument<Boolean> flag(String name, String description) {
        return new ToolArgument<>(ToolParameter.flag(name, description), Boolean.class::cast);
    }

    private static Instant instant(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidValueException(name, "must be an ISO-8601 date-time such as 2026-11-17T09:30:00Z, not '"
                        + text + "'");
            }
        }
    }

    @Override
    public String toString() {
        return "ToolArgument[" + parameter.name() + "]";
    }
}
