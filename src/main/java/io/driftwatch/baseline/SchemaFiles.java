package io.driftwatch.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.driftwatch.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads hand-written or vendor-supplied JSON Schema files (JSON, or YAML by extension) named by a
 * probe's {@code expect.schema.file}. Cached per path until the file changes, returning the same
 * instance meanwhile (see {@link BaselineStore} for why identity matters). Thread-safe.
 */
public final class SchemaFiles {
    private static final ObjectMapper YAML = new YAMLMapper();

    private final ConcurrentHashMap<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, long size, JsonNode schema) {}

    public JsonNode load(Path file) throws BaselineFormatException {
        Path key = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
            Cached cached = cache.get(key);
            if (cached != null
                    && cached.modified().equals(attributes.lastModifiedTime())
                    && cached.size() == attributes.size()) {
                return cached.schema();
            }
            JsonNode schema = parse(file, Files.readAllBytes(key));
            cache.put(key, new Cached(attributes.lastModifiedTime(), attributes.size(), schema));
            return schema;
        } catch (NoSuchFileException e) {
            throw new BaselineFormatException(List.of(new ConfigProblem(file, 1, 1, "schema file not found")));
        } catch (IOException e) {
            throw new BaselineFormatException(List.of(new ConfigProblem(file, 1, 1, "unreadable: " + e.getMessage())));
        }
    }

    static JsonNode parse(Path file, byte[] content) throws BaselineFormatException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : BaselineCodec.MAPPER;
        JsonNode schema;
        try {
            schema = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw new BaselineFormatException(
                    List.of(BaselineCodec.at(file, e.getLocation(), "invalid schema file: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new BaselineFormatException(List.of(new ConfigProblem(file, 1, 1, "unreadable: " + e.getMessage())));
        }
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            throw new BaselineFormatException(
                    List.of(new ConfigProblem(file, 1, 1, "a JSON Schema must be an object or a boolean")));
        }
        return schema;
    }
}
