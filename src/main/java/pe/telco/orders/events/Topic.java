package pe.telco.orders.events;

/** Which system an event is for: the order's channel, the warehouse, field service or billing. */
public enum Topic {
    ORDER("order"), SHIPMENT("shipment"), WORK_ORDER("work-order"), INVOICE("invoice");

    private final String word;

    Topic(String word) {
        this.word = word;
    }

    /** As stored in outbox_event.topic and used in topic names. */
    public String word() {
        return word;
    }

    public static Topic of(String word) {
        for (Topic topic : values()) {
            if (topic.word.equals(word)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Unknown topic " + word);
    }
}
