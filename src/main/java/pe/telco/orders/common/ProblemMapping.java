package pe.telco.orders.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem+json answers; nothing internal leaks. */
public class ProblemMapping {

    private static final Logger LOG = Logger.getLogger(ProblemMapping.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return answer(Problem.of("validation", "The request has invalid fields", 400, e.getMessage())
                .withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return answer(Problem.of("not-found", "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(StateConflict e, jakarta.ws.rs.core.UriInfo uri) {
        Problem p = Problem.of("state-conflict", "The current state does not allow this", 409, e.getMessage());
        String location = e.resource() == null ? null : e.resource().path();
        List<String> actions = e.allowedActions().stream().map(action -> onResource(action, location)).toList();
        p = new Problem(p.type(), p.title(), p.status(), p.detail(), List.of(), e.currentState(), actions, location);
        Response.ResponseBuilder response = Response.status(409).type(Problem.MEDIA_TYPE).entity(p);
        if (location != null) {
            response.header("Location", uri.getBaseUriBuilder().path(location).build());
        }
        return response.build();
    }

    /** "POST evaluation" on /api/orders/7 reads "POST /api/orders/7/evaluation"; a plain action name stays as it is. */
    private static String onResource(String action, String location) {
        int space = action.indexOf(' ');
        return space < 0 || location == null ? action
                : action.substring(0, space) + " " + location + "/" + action.substring(space + 1);
    }

    @ServerExceptionMapper
    public Response unprocessable(Unprocessable e) {
        return answer(Problem.of(e.problemType(), "The request cannot be processed", 422, e.getMessage())
                .withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response tooBusy(TooBusy e) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(Problem.of("too-busy", "Too many requests of this kind at once", 429, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return answer(Problem.of("validation", "The request has invalid fields", 400, detail).withErrors(errors));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e) {
        String field = jsonPath(e);
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants())
                : "has the wrong type or format (expected " + simpleType(e.getTargetType()) + ")";
        return answer(Problem.of("validation", "The request has invalid fields", 400, field + " " + message)
                .withErrors(List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        String message = "has the wrong type (expected " + simpleType(e.getTargetType()) + ")";
        return answer(Problem.of("validation", "The request has invalid fields", 400, field + " " + message)
                .withErrors(List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return answer(Problem.of("malformed-json", "The body is not valid JSON", 400,
                "The request body could not be read as JSON" + where));
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.fromResponse(answer(Problem.of("unauthorized", "Authentication required", 401,
                        "Send HTTP Basic credentials or a Bearer token")))
                .header("WWW-Authenticate", "Basic realm=\"Quarkus\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return answer(Problem.of("forbidden", "Not allowed", 403,
                "These credentials do not have a role that may do this"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        String kind = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> "bad-request";
        };
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        return answer(Problem.of(kind, title, status, title));
    }

    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class,
            org.hibernate.StaleObjectStateException.class})
    public Response concurrentChange() {
        return answer(Problem.of("state-conflict", "Changed by someone else", 409,
                "Another request changed this resource at the same moment; read it again and retry if still needed"));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (isConcurrentChange(e)) {
            return concurrentChange();
        }
        java.sql.SQLException deadlock = withState(e, "40P01");
        if (deadlock != null) {
            // PostgreSQL broke a lock cycle by rolling this transaction back: nothing of it was kept, a retry works
            LOG.warnf("Deadlock: this request's transaction was rolled back, answered 409 (%s)",
                    firstLine(deadlock.getMessage()));
            return concurrentChange();
        }
        java.sql.SQLException duplicate = withState(e, "23505");
        if (duplicate != null) {
            // two requests created the same thing (a product, a location, a stock row) at once: one of them won
            LOG.warnf("Created at the same moment by another request, answered 409 (%s)",
                    firstLine(duplicate.getMessage()));
            return concurrentChange();
        }
        if (isClientGone(e)) {
            // the caller stopped waiting (its timeout) and closed the connection: nobody will read an answer
            LOG.debugf("The client closed the connection before the answer: %s", e);
            return answer(Problem.of("client-gone", "Client closed the connection", 503,
                    "The connection was closed before the answer could be sent."));
        }
        if (isPoolExhausted(e)) {
            LOG.warn("Too busy: no database connection became free in time; the request was refused");
            return Response.fromResponse(answer(Problem.of("too-busy", "Too many requests at once", 503,
                    "The service is at capacity right now; nothing was changed. Retry in a moment.")))
                    .header("Retry-After", "1").build();
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warn("The database is unavailable: " + e.getMessage());
            return Response.fromResponse(answer(Problem.of("service-unavailable", "Service unavailable", 503,
                    "The database cannot be reached right now; nothing was changed. Retry in a few seconds.")))
                    .header("Retry-After", "5").build();
        }
        java.sql.SQLException fault = databaseFault(e);
        if (fault != null) {
            // the database's own words and state say what failed; our stack would only show where we waited for it
            LOG.errorf("The database failed while serving a request (SQLState %s): %s", fault.getSQLState(),
                    fault.getMessage());
            LOG.debug("Database failure", e);
        } else {
            LOG.error("Unexpected error while serving a request", e);
        }
        return answer(Problem.of("internal", "Internal error", 500,
                "The service could not complete the request; it has been logged. Nothing was changed."));
    }

    /** Two requests changed the same row: the loser's commit fails on the version check (often wrapped). */
    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost SQL exception with the given SQLState in the cause chain (following a batch's next exceptions
     * too), or null: the server's own error, whose first line names the constraint or lock without the row's values.
     */
    static java.sql.SQLException withState(Throwable e, String sqlState) {
        java.sql.SQLException found = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (java.sql.SQLException sql = t instanceof java.sql.SQLException s ? s : null; sql != null;
                    sql = sql.getNextException() == sql ? null : sql.getNextException()) {
                if (sqlState.equals(sql.getSQLState())) {
                    found = sql;
                }
            }
        }
        return found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * A failure of the database itself (out of disk or memory, an I/O error, an internal error: SQLState classes 53,
     * 58 and XX), not of the statement we sent; the innermost such exception in the cause chain, or null.
     */
    static java.sql.SQLException databaseFault(Throwable e) {
        java.sql.SQLException fault = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && List.of("53", "58", "XX").contains(sql.getSQLState().substring(0, 2))) {
                fault = sql;
            }
        }
        return fault;
    }

    /**
     * Every pooled connection stayed busy for the whole acquisition timeout: the service is saturated, not broken.
     * Agroal says so only in its message (a plain SQLException without SQLState).
     */
    static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().startsWith("Sorry, acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP client closed its connection while the request was being read or answered. */
    static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** A lost or refused database connection, anywhere in the cause chain. */
    public static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01")
                    || sql.getSQLState().equals("55000") || sql.getSQLState().equals("3D000"))) {
                return true;
            }
        }
        return false;
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code create.request.items[0].quantity} → {@code items[0].quantity}: drop method and parameter names;
     * a violated path or query parameter is named by itself. Bean Validation puts a list index on the node
     * after the list, so it is written before that node's name.
     */
    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null || node.getKey() != null) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
