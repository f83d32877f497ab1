package pe.telco.orders.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a receiving API may add to an order request beyond the back office's: the channel's own id of each item (in
 * the items' order; null where none was given), its notes and the dates it asked for. Read as text and validated
 * with the request, so one answer lists every bad field of both.
 */
public record OrderParticulars(List<String> itemIds, List<Note> notes, String requestedStartDate,
        String requestedCompletionDate) {

    /** Nothing beyond the request: what the back office sends. */
    public static final OrderParticulars NONE = new OrderParticulars(List.of(), List.of(), null, null);

    /** A note as sent: who wrote it, when (ISO 8601 with offset) and what. */
    public record Note(String author, String date, String text) {
    }

    public OrderParticulars {
        // item ids may hold nulls (items sent without one), which List.copyOf refuses
        itemIds = itemIds == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(itemIds));
        notes = notes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(notes));
    }

    /** Whether nothing beyond the request was sent. */
    public boolean isEmpty() {
        return itemIds.stream().allMatch(Objects::isNull) && notes.isEmpty() && requestedStartDate == null
                && requestedCompletionDate == null;
    }
}
