package io.driftwatch.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.config.ConfigProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes baseline files. The written form is stable: fixed top-level key order, two-space
 * indentation, one array element per line, a final newline; so a re-recorded baseline shows as a
 * readable pull-request diff and identical input gives identical bytes.
 */
public final class BaselineCodec {
    /** Decimals stay BigDecimal so reading and re-writing a file keeps {@code 12.300} as written. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectWriter WRITER = MAPPER.writer(printer());

    private BaselineCodec() {}

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    public static byte[] write(Baseline b) {
        ObjectNode root = NODES.objectNode();
        root.put("probe", b.probe());
        root.put("driftwatchVersion", b.driftwatchVersion());
        root.put("recordedAt", b.recordedAt().toString());
        root.put("sampleCount", b.sampleCount());
        root.put("status", b.status());
        if (b.contentType() != null) root.put("contentType", b.contentType());
        ObjectNode headers = root.putObject("headers");
        b.headers().forEach(headers::put);
        if (b.latency() != null) {
            ObjectNode latency = root.putObject("latency");
            latency.put("p50", b.latency().p50());
            latency.put("p95", b.latency().p95());
            latency.put("p99", b.latency().p99());
        }
        if (b.schemaFile() != null) root.put("schemaFile", b.schemaFile());
        root.set("schema", b.schema() == null ? NODES.nullNode() : b.schema());
        return toBytes(root);
    }

    /** Pretty-prints any JSON tree in the baseline layout (also used for schema output). */
    public static byte[] toBytes(JsonNode node) {
        try {
            return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Parses a baseline file. Every problem found is reported, each with the line and column of the
     * offending key; {@code expectedProbe} (the file name without {@code .json}) must match {@code probe}.
     */
    public static Baseline read(Path file, byte[] content, String expectedProbe) throws BaselineFormatException {
        List<ConfigProblem> problems = new ArrayList<>();
        BaselineFields fields = new BaselineFields(file, problems);
        try (JsonParser p = MAPPER.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BaselineFormatException(
                        List.of(at(file, p.currentTokenLocation(), "a baseline is a JSON object")));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation where = p.currentTokenLocation();
                p.nextToken();
                fields.accept(name, MAPPER.readTree(p), where);
            }
        } catch (JsonProcessingException e) {
            throw new BaselineFormatException(
                    List.of(at(file, e.getLocation(), "invalid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new BaselineFormatException(List.of(new ConfigProblem(file, 1, 1, "unreadable: " + e.getMessage())));
        }
        Baseline baseline = fields.build(expectedProbe);
        if (!problems.isEmpty()) throw new BaselineFormatException(problems);
        return baseline;
    }

    static ConfigProblem at(Path file, JsonLocation location, String message) {
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new ConfigProblem(file, line, column, message);
    }
}
