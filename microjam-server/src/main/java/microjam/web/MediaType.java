// A Content-Type header read strictly, by RFC 9110's grammar: type/subtype, then ;name=value parameters
// (a token or a quoted string), each name at most once. "application/jsonx" is not application/json,
// and a header that does not parse is no media type at all.
package microjam.web;

import io.javalin.http.Context;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

record MediaType(String type, Map<String, String> parameters) {
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t !#-\\[\\]-~\\x80-\\xFF]|\\\\[\\t -~\\x80-\\xFF])*\"";
    private static final Pattern WHOLE = Pattern.compile("(" + TOKEN + "/" + TOKEN + ")((?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*)[ \\t]*");
    private static final Pattern PARAMETER = Pattern.compile(";[ \\t]*(" + TOKEN + ")=(" + TOKEN + "|" + QUOTED + ")");

    /** The media type of a header, or empty if it does not parse; type and parameter names in lower case, values unquoted. */
    static Optional<MediaType> parse(String header) {
        if (header == null) return Optional.empty();
        Matcher whole = WHOLE.matcher(header.strip());
        if (!whole.matches()) return Optional.empty();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Matcher parameter = PARAMETER.matcher(whole.group(2)); parameter.find(); ) {
            String value = parameter.group(2);
            if (value.startsWith("\"")) value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            if (parameters.put(parameter.group(1).toLowerCase(Locale.ROOT), value) != null) return Optional.empty(); // a name twice
        }
        return Optional.of(new MediaType(whole.group(1).toLowerCase(Locale.ROOT), Map.copyOf(parameters)));
    }

    /** application/json, with no parameter but an optional charset=utf-8 (JSON is UTF-8: RFC 8259). */
    boolean isJson() {
        return type.equals("application/json") && parameters.keySet().stream().allMatch("charset"::equals)
                && parameters.getOrDefault("charset", "utf-8").equalsIgnoreCase("utf-8");
    }

    /**
     * A before-handler: a request whose Content-Type names a charset this JVM does not know (or no valid
     * charset name) is a 415, here, before anything reads the header; the servlet API would otherwise
     * throw from getContentType() wherever the header is read, a 500 with a stack trace in the log.
     */
    static void refuseUnknownCharset(Context ctx) {
        String header = ctx.req().getHeader("Content-Type");
        if (header == null) return;
        try {
            ctx.req().getContentType(); // parses the charset the servlet layer's way: it throws on any it cannot use
            ctx.req().getCharacterEncoding();
            String charset = parse(header).map(m -> m.parameters().get("charset")).orElse(null);
            if (charset != null && !Charset.isSupported(charset)) throw new IllegalArgumentException(charset);
        } catch (IllegalArgumentException unknown) { // UnsupportedCharsetException, IllegalCharsetNameException
            throw new ApiError(415, "Content-Type", "the Content-Type names a charset that is not supported (send UTF-8)");
        }
    }
}
