package pe.telco.orders.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import pe.telco.orders.catalog.Product;
import pe.telco.orders.catalog.ProductKind;
import pe.telco.orders.catalog.ProductService;
import pe.telco.orders.common.FieldError;
import pe.telco.orders.common.InvalidInput;
import pe.telco.orders.customer.DocumentType;
import pe.telco.orders.customer.Segment;
import pe.telco.orders.location.Location;
import pe.telco.orders.location.LocationKind;
import pe.telco.orders.location.LocationService;

/** Checks an order request field by field, all at once, against the catalogue and the stores; nothing is stored. */
@ApplicationScoped
public class OrderDraftValidator {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_QUANTITY = 20;
    public static final int MAX_INSTALLMENTS = 60;
    public static final int MAX_NOTES = 20;
    public static final int MAX_NOTE_TEXT = 1000;
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");
    private static final Pattern TERMS_VERSION = Pattern.compile("[A-Za-z0-9.-]{1,20}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cs}&&[^\\t]]");

    private final ProductService products;
    private final LocationService locations;

    public OrderDraftValidator(ProductService products, LocationService locations) {
        this.products = products;
        this.locations = locations;
    }

    /** The validated draft, or {@link InvalidInput} listing every bad field. */
    public OrderDraft validate(OrderRequest request) {
        return validate(request, OrderParticulars.NONE);
    }

    /** The validated draft with what the receiving API added, or {@link InvalidInput} listing every bad field of both. */
    public OrderDraft validate(OrderRequest request, OrderParticulars particulars) {
        if (request == null) {
            throw new InvalidInput("body", "an order is required");
        }
        Errors errors = new Errors();
        String externalId = errors.text("externalId", request.externalId(), 64, true);
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add("externalId", "must be 1 to 64 letters, digits or . _ : / -");
        }
        Channel channel = errors.choice("channel", request.channel(), Channel.class, true);
        OrderRequest.Customer customer = request.customer();
        DocumentType documentType = null;
        String documentNumber = null;
        String name = null;
        String email = null;
        String phone = null;
        Segment segment = Segment.RESIDENTIAL;
        if (customer == null) {
            errors.add("customer", "is required");
        } else {
            documentType = errors.choice("customer.documentType", customer.documentType(), DocumentType.class, true);
            documentNumber = errors.text("customer.documentNumber", customer.documentNumber(), 12, true);
            if (documentType != null && documentNumber != null && !documentType.accepts(documentNumber)) {
                errors.add("customer.documentNumber", documentType.rule());
            }
            documentNumber = DocumentType.normalize(documentNumber);
            name = errors.text("customer.name", customer.name(), 200, true);
            email = errors.text("customer.email", customer.email(), 254, false);
            if (email != null && !EMAIL.matcher(email).matches()) {
                errors.add("customer.email", "is not an e-mail address");
            }
            phone = errors.text("customer.phone", customer.phone(), 20, false);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add("customer.phone", "must be 6 to 20 digits, spaces, dashes or parentheses, with an optional +");
            }
            Segment given = errors.choice("customer.segment", customer.segment(), Segment.class, false);
            segment = given == null ? Segment.RESIDENTIAL : given;
        }
        List<String> itemIds = itemIds(request.items(), particulars.itemIds(), errors);
        List<OrderDraft.Line> lines = lines(request.items(), itemIds, errors);
        List<OrderDraft.Note> notes = notes(particulars.notes(), errors);
        OffsetDateTime start = instant("requestedStartDate", particulars.requestedStartDate(), errors);
        OffsetDateTime completion = instant("requestedCompletionDate", particulars.requestedCompletionDate(), errors);
        if (start != null && completion != null && completion.isBefore(start)) {
            errors.add("requestedCompletionDate", "must not be before requestedStartDate");
        }
        boolean hasService = lines.stream().anyMatch(l -> l.product().getKind() == ProductKind.SERVICE);
        boolean hasDevice = lines.stream().anyMatch(l -> l.product().getKind() == ProductKind.DEVICE);
        OrderRequest.Address service = address("serviceAddress", request.serviceAddress(), errors);
        if (hasService && request.serviceAddress() == null) {
            errors.add("serviceAddress", "is required when the order has a service (it is where coverage is checked)");
        }
        DeliveryMethod method = null;
        String storeCode = null;
        OrderRequest.Address deliveryAddress = null;
        OrderRequest.Delivery delivery = request.delivery();
        if (delivery == null) {
            if (hasDevice) {
                errors.add("delivery", "is required when the order has a device");
            }
        } else {
            method = errors.choice("delivery.method", delivery.method(), DeliveryMethod.class, true);
            if (method == DeliveryMethod.STORE_PICKUP) {
                storeCode = store(delivery.storeCode(), errors);
            } else if (method == DeliveryMethod.HOME_DELIVERY) {
                deliveryAddress = address("delivery.address", delivery.address(), errors);
                if (delivery.address() == null && request.serviceAddress() == null) {
                    errors.add("delivery.address", "is required for home delivery when there is no service address");
                }
                if (delivery.storeCode() != null) {
                    errors.add("delivery.storeCode", "is only for STORE_PICKUP");
                }
            }
        }
        PaymentMethod payment = errors.choice("paymentMethod", request.paymentMethod(), PaymentMethod.class, true);
        String terms = errors.text("acceptedTermsVersion", request.acceptedTermsVersion(), 20, false);
        if (terms != null && !TERMS_VERSION.matcher(terms).matches()) {
            errors.add("acceptedTermsVersion", "must be 1 to 20 letters, digits, dots or dashes");
        }
        Set<String> currencies = lines.stream().map(l -> l.product().getCurrency()).collect(Collectors.toSet());
        if (currencies.size() > 1) {
            errors.add("items", "all products of an order must be priced in one currency, found " + currencies);
        }
        errors.throwIfAny();
        OrderRequest.Address deliverTo = deliveryAddress != null ? deliveryAddress
                : method == DeliveryMethod.HOME_DELIVERY ? service : null;
        OrderAddresses addresses = new OrderAddresses(
                service == null ? null : service.street(), service == null ? null : service.city(),
                service == null ? null : service.postalCode(),
                deliverTo == null ? null : deliverTo.street(), deliverTo == null ? null : deliverTo.city(),
                deliverTo == null ? null : deliverTo.postalCode());
        return new OrderDraft(externalId, channel, documentType, documentNumber, name, email, phone, segment,
                addresses, method, storeCode, payment, terms, currencies.stream().findFirst().orElse("PEN"), lines, notes,
                start, completion);
    }

    /**
     * The refusal of a request already known to be wrong ({@code first}, e.g. a channel that is not the caller's),
     * listing also every other invalid field of it, so one answer tells the channel everything to fix.
     */
    public InvalidInput withOtherErrors(OrderRequest request, FieldError first) {
        return withOtherErrors(request, OrderParticulars.NONE, first);
    }

    /** As {@link #withOtherErrors(OrderRequest, FieldError)}, with what the receiving API added. */
    public InvalidInput withOtherErrors(OrderRequest request, OrderParticulars particulars, FieldError first) {
        List<FieldError> all = new ArrayList<>(List.of(first));
        try {
            validate(request, particulars);
        } catch (InvalidInput e) {
            all.addAll(e.errors());
        }
        return new InvalidInput(all);
    }

    /**
     * The channel's item ids, one per item (null where none was given): at most 64 characters, each used once in the
     * order, since the channel refers to its items by them.
     */
    private static List<String> itemIds(List<OrderRequest.Item> items, List<String> given, Errors errors) {
        int count = items == null || items.size() > MAX_ITEMS ? 0 : items.size(); // too many: refused as a whole
        List<String> ids = new ArrayList<>(count);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String id = i < given.size() ? errors.text("items[" + i + "].id", given.get(i), 64, false) : null;
            Integer first = id == null ? null : seen.putIfAbsent(id, i);
            if (first != null) {
                errors.add("items[" + i + "].id", "repeats the id of item " + first + " (" + id
                        + "): each item of an order needs its own id");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<OrderDraft.Note> notes(List<OrderParticulars.Note> notes, Errors errors) {
        if (notes.size() > MAX_NOTES) {
            errors.add("notes", "must hold at most " + MAX_NOTES + " notes");
            return List.of();
        }
        List<OrderDraft.Note> valid = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            String at = "notes[" + i + "]";
            OrderParticulars.Note note = notes.get(i);
            if (note == null) {
                errors.add(at, "must be a note, not null");
                continue;
            }
            String author = errors.text(at + ".author", note.author(), 200, false);
            OffsetDateTime date = instant(at + ".date", note.date(), errors);
            String text = errors.text(at + ".text", note.text(), MAX_NOTE_TEXT, true);
            valid.add(new OrderDraft.Note(author, date, text));
        }
        return valid;
    }

    /** An ISO 8601 date and time with its offset (2026-12-01T09:00:00-05:00); absent is null. */
    private static OffsetDateTime instant(String field, String value, Errors errors) {
        String text = errors.text(field, value, 40, false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO 8601 date and time with its offset, such as 2026-12-01T09:00:00-05:00");
            return null;
        }
    }

    private List<OrderDraft.Line> lines(List<OrderRequest.Item> items, List<String> itemIds, Errors errors) {
        if (items == null || items.isEmpty()) {
            errors.add("items", "must list at least one product");
            return List.of();
        }
        if (items.size() > MAX_ITEMS) {
            errors.add("items", "must list at most " + MAX_ITEMS + " products");
            return List.of();
        }
        Set<String> codes = items.stream().filter(Objects::nonNull).map(OrderRequest.Item::productCode)
                .filter(c -> c != null && c.length() <= 40).collect(Collectors.toCollection(HashSet::new));
        Map<String, Product> found = codes.isEmpty() ? Map.of()
                : products.byCodes(codes);
        List<OrderDraft.Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            OrderRequest.Item item = items.get(i);
            if (item == null) {
                errors.add(at, "must be a product, not null");
                continue;
            }
            String code = errors.text(at + ".productCode", item.productCode(), 40, true);
            Product product = code == null ? null : found.get(code);
            if (code != null && product == null) {
                errors.add(at + ".productCode", "is not in the catalogue: " + code);
            }
            int quantity = item.quantity() == null ? 1 : item.quantity();
            if (quantity < 1 || quantity > MAX_QUANTITY) {
                errors.add(at + ".quantity", "must be between 1 and " + MAX_QUANTITY);
            }
            int installments = item.installments() == null ? 0 : item.installments();
            if (installments < 0 || installments > MAX_INSTALLMENTS) {
                errors.add(at + ".installments", "must be between 0 and " + MAX_INSTALLMENTS);
            } else if (product != null && installments > 0) {
                if (product.getKind() == ProductKind.SERVICE) {
                    errors.add(at + ".installments", "a service is paid monthly and cannot be financed");
                } else if (!product.isFinanceable()) {
                    errors.add(at + ".installments", product.getCode() + " cannot be financed");
                } else if (installments > product.getMaxInstallments()) {
                    errors.add(at + ".installments", product.getCode() + " can be financed in at most "
                            + product.getMaxInstallments() + " instalments");
                }
            }
            if (product != null) {
                lines.add(new OrderDraft.Line(product, quantity, installments, itemIds.get(i)));
            }
        }
        return lines;
    }

    private OrderRequest.Address address(String field, OrderRequest.Address address, Errors errors) {
        if (address == null) {
            return null;
        }
        String street = errors.text(field + ".street", address.street(), 200, true);
        String city = errors.text(field + ".city", address.city(), 100, true);
        String postalCode = errors.text(field + ".postalCode", address.postalCode(), 5, true);
        if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
            errors.add(field + ".postalCode", "must be 5 digits");
        }
        return new OrderRequest.Address(street, city, postalCode);
    }

    private String store(String storeCode, Errors errors) {
        String code = errors.text("delivery.storeCode", storeCode, 40, true);
        if (code == null) {
            return null;
        }
        Location location = locations.find(code).orElse(null);
        if (location == null) {
            errors.add("delivery.storeCode", "is not a known store: " + code);
        } else if (location.getKind() != LocationKind.STORE) {
            errors.add("delivery.storeCode", code + " is a warehouse, not a store customers can pick up from");
        }
        return code;
    }

    /** Collects field errors; texts are trimmed, and control characters refused (PostgreSQL text cannot hold NUL). */
    private static final class Errors {

        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }

        String text(String field, String value, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(field, "is required");
                }
                return null;
            }
            String trimmed = value.strip();
            if (trimmed.length() > max) {
                add(field, "must be at most " + max + " characters");
                return null;
            }
            if (CONTROL.matcher(trimmed).find()) {
                add(field, "must not contain control characters");
                return null;
            }
            return trimmed;
        }

        <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required) {
            String text = text(field, value, 40, required);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new InvalidInput(list);
            }
        }
    }
}
