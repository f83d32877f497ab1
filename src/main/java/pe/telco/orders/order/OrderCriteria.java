package pe.telco.orders.order;

import java.time.OffsetDateTime;

/**
 * Which orders a list asks for; a null field does not filter. {@code after}/{@code from} and
 * {@code before}/{@code until} compare the receipt time exclusively and inclusively.
 */
public record OrderCriteria(Channel channel, OrderState state, String externalId, String segment,
        OffsetDateTime after, OffsetDateTime from, OffsetDateTime before, OffsetDateTime until) {
}
