package pe.telco.orders.tmf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.restassured.response.Response;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The TM Forum's published TMF622 v5 OpenAPI document (src/test/resources/tmf, Apache 2.0, attribution beside it),
 * loaded and resolved with swagger-parser; request and response bodies are validated with networknt's OpenAPI 3.0
 * dialect (discriminators included) against the component schema that operation and status declare in it.
 */
final class Tmf622Contract {

    static final Path DOCUMENT = Path.of("src/test/resources/tmf/TMF622-ProductOrdering-v5.0.0.oas.yaml");
    private static final String DOCUMENT_URI = "https://tmf622.test/TMF622-ProductOrdering-v5.0.0.json";
    private static final String ERROR = "#/components/schemas/Error";

    private static final OpenAPI API;
    private static final SchemaRegistry SCHEMAS;

    static {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(DOCUMENT.toString(), null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalStateException("The TMF622 document does not parse: " + parsed.getMessages());
        }
        API = parsed.getOpenAPI();
        try {
            JsonNode document = Yaml.mapper().readTree(Files.readString(DOCUMENT));
            selectBranchesByType(document);
            String json = Json.mapper().writeValueAsString(document);
            SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                    builder -> builder.schemas(Map.of(DOCUMENT_URI, json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Tmf622Contract() {
    }

    /** The request body of {@code operationId} satisfies the schema its request body declares. */
    static void assertValidRequest(String operationId, Object body) {
        RequestBody declared = follow(operation(operationId).getRequestBody());
        String ref = json(declared.getContent()).getSchema().get$ref();
        assertValid(operationId + " request", ref, Json.mapper().valueToTree(body));
    }

    /**
     * The response satisfies the schema {@code operationId} declares for its status; an error status the operation
     * does not list (422) is held to the {@code Error} schema every error status there uses.
     */
    static JsonNode assertValidResponse(String operationId, Response response) {
        JsonNode body = read(response.asString());
        String status = String.valueOf(response.statusCode());
        ApiResponse declared = operation(operationId).getResponses().get(status);
        if (declared == null) {
            assertThat(response.statusCode()).as("%s answered %s, which it does not declare", operationId, status)
                    .isGreaterThanOrEqualTo(400);
            assertValid(operationId + " " + status, ERROR, body);
            return body;
        }
        var schema = json(follow(declared).getContent()).getSchema();
        if (schema.get$ref() != null) {
            assertValid(operationId + " " + status, schema.get$ref(), body);
        } else {
            assertThat(schema.getType()).isEqualTo("array");
            assertThat(body.isArray()).as("%s %s answers an array", operationId, status).isTrue();
            for (JsonNode item : body) {
                assertValid(operationId + " " + status + " item", schema.getItems().get$ref(), item);
            }
        }
        return body;
    }

    /** The schema errors of {@code body} against a component schema (empty: valid). */
    static List<Error> errors(String ref, JsonNode body) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_URI + ref));
        return schema.validate(body);
    }

    private static void assertValid(String what, String ref, JsonNode body) {
        assertThat(errors(ref, body)).as("%s against %s: %s", what, ref, body).isEmpty();
    }

    /**
     * TMF's polymorphic values ({@code oneOf} with a {@code discriminator} on {@code @type}) are rewritten into the
     * plain JSON Schema they mean: each branch holds only where {@code @type} is its mapping's name, so the concrete
     * schema named by {@code @type} is the one validated (networknt does not resolve this document's mapping refs:
     * it reported "no matching schema found for discriminator value 'GeographicAddress'"). Then every discriminator
     * is dropped; the published schemas themselves are used as they are.
     */
    private static void selectBranchesByType(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode mapping = object.at("/discriminator/mapping");
            if (object.has("oneOf") && mapping.isObject()) {
                ArrayNode branches = Json.mapper().createArrayNode();
                mapping.fields().forEachRemaining(entry -> {
                    ObjectNode branch = branches.addObject();
                    ObjectNode typed = branch.putArray("allOf").addObject();
                    typed.putArray("required").add("@type");
                    typed.putObject("properties").putObject("@type").putArray("enum").add(entry.getKey());
                    ((ArrayNode) branch.get("allOf")).addObject().put("$ref", entry.getValue().asText());
                });
                object.set("oneOf", branches);
            }
            object.remove("discriminator");
        }
        node.forEach(Tmf622Contract::selectBranchesByType);
    }

    private static Operation operation(String operationId) {
        return API.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .filter(o -> operationId.equals(o.getOperationId())).findFirst()
                .orElseThrow(() -> new AssertionError("TMF622 has no operation " + operationId));
    }

    private static RequestBody follow(RequestBody body) {
        return body.get$ref() == null ? body
                : API.getComponents().getRequestBodies().get(name(body.get$ref()));
    }

    private static ApiResponse follow(ApiResponse response) {
        return response.get$ref() == null ? response
                : API.getComponents().getResponses().get(name(response.get$ref()));
    }

    private static MediaType json(io.swagger.v3.oas.models.media.Content content) {
        return Objects.requireNonNull(content.get("application/json"), "no application/json content");
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode read(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
