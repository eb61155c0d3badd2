package dev.profileadvisor.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled JSON Schemas (src/main/resources/schemas), loaded from the classpath as a client would use them, and
 * checked with networknt's validator (draft 2020-12).
 */
public final class Schemas {
    /** Every schema file, by name without {@code .schema.json}. */
    public static final List<String> NAMES = List.of("recommend", "recommend-request", "audit", "audit-request", "goals", "rules", "explain", "error", "health", "measure");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /**
     * @param name a schema name, e.g. {@code recommend}
     * @return the compiled schema
     */
    public static Schema schema(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/" + n + ".schema.json"));
            s.initializeValidators();
            return s;
        });
    }

    /**
     * @param name a schema name
     * @param json a document's text, exactly as printed or served
     * @return the validator's messages, empty when the document is valid
     */
    public static List<String> problems(String name, String json) {
        List<Error> errors = schema(name).validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /**
     * @param name a schema name
     * @return the problems found when checking the schema file itself against the draft 2020-12 meta-schema
     */
    public static List<String> metaSchemaProblems(String name) {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        return meta.validate(schema(name).getSchemaNode()).stream().map(Error::toString).toList();
    }
}
