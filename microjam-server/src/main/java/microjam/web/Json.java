// The API's JSON: strict reading (unknown fields, duplicate keys, type coercions and fractions where a
// whole number belongs are errors that name the field), camelCase writing, ISO-8601 dates.
package microjam.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import microjam.performance.InvalidValue;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.stream.Collectors;

public final class Json {
    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    private static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // "candidates": 1.5 is not 1, nor is 2.0 or 1e2 a whole number
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20).build());
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail) // 1 is not "1"
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // The same for integer fields, whatever the feature's default in a later Jackson: a float token is never an integer.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /** Reads a request body into a record, turning every mapping problem into a 400 naming the field. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) throw new InvalidValue(null, "the request body must be a JSON object");
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) throw new InvalidValue(null, "the request body must be a JSON object");
            return value;
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new InvalidValue(field.isEmpty() ? null : field, describe(e, field));
        } catch (JsonProcessingException e) {
            throw new InvalidValue(null, "the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidValue(null, "the request body could not be read");
        }
    }

    private static String describe(JsonMappingException e, String field) {
        if (e instanceof UnrecognizedPropertyException)
            return "unknown field \"" + field + "\"";
        if (e instanceof MismatchedInputException m && !field.isEmpty() && integral(m.getTargetType()))
            return field + " must be a whole number";
        if (e.getCause() instanceof InputCoercionException && !field.isEmpty())
            return field + " is out of range";
        if (e instanceof MismatchedInputException m && !field.isEmpty())
            return field + " has the wrong type" + (m.getTargetType() != null ? " (expected " + simpleName(m.getTargetType()) + ")" : "");
        if (e.getCause() instanceof InvalidValue invalid) return invalid.getMessage();
        // Jackson's own words here name our classes: say what the client can act on instead.
        if (field.isEmpty()) return "the request body must be a JSON object";
        return field + " is not valid here";
    }

    private static boolean integral(Class<?> type) {
        return type != null && (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class || type == BigInteger.class);
    }

    private static String simpleName(Class<?> type) {
        if (type == String.class) return "a string";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        return type.getSimpleName();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
