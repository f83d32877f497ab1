package pe.telco.orders.order;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Orders: by id with their items, by the channel's reference, and filtered lists. */
@ApplicationScoped
public class OrderRepository implements PanacheRepository<Order> {

    public Optional<Order> findWithItems(long id) {
        return find("select o from Order o left join fetch o.items where o.id = ?1", id).singleResultOptional();
    }

    /** The channel of an order, without loading it; empty when there is no such order. */
    public Optional<Channel> channelOf(long id) {
        return getEntityManager().createQuery("select o.channel from Order o where o.id = :id", Channel.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * Whether the channel already sent an order with this externalId: one indexed lookup, nothing loaded (the order
     * itself is read only when it exists, to say which it is). Orders are inserted when persisted (their ids come
     * from the table) and neither column ever changes, so nothing held needs flushing first.
     */
    public boolean externalIdTaken(Channel channel, String externalId) {
        return !getEntityManager().createNativeQuery("select 1 from orders where channel = :c and external_id = :e")
                .setFlushMode(FlushModeType.COMMIT).setParameter("c", channel.name()).setParameter("e", externalId)
                .getResultList().isEmpty();
    }

    public Optional<Order> findByExternalId(Channel channel, String externalId) {
        return find("channel = ?1 and externalId = ?2", channel, externalId).firstResultOptional();
    }

    /** Newest first; every filter is optional. */
    public PanacheQuery<Order> search(OrderState state, Channel channel, String externalId, String customerDocument) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        if (channel != null) {
            where.add("channel = :channel");
            params.and("channel", channel);
        }
        if (externalId != null) {
            where.add("externalId = :externalId");
            params.and("externalId", externalId);
        }
        if (customerDocument != null) {
            where.add("customer.documentNumber = :document");
            params.and("document", customerDocument);
        }
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        return where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params);
    }

    /** Orders matching every criterion given, newest first. */
    public PanacheQuery<Order> matching(OrderCriteria criteria) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        condition(where, params, "channel =", "channel", criteria.channel());
        condition(where, params, "state =", "state", criteria.state());
        condition(where, params, "externalId =", "externalId", criteria.externalId());
        condition(where, params, "customer.segment =", "segment", criteria.segment());
        condition(where, params, "createdAt >", "after", criteria.after());
        condition(where, params, "createdAt >=", "from", criteria.from());
        condition(where, params, "createdAt <", "before", criteria.before());
        condition(where, params, "createdAt <=", "until", criteria.until());
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        return where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params);
    }

    private static void condition(List<String> where, Parameters params, String test, String name, Object value) {
        if (value != null) {
            where.add(test + " :" + name);
            params.and(name, value);
        }
    }

    /** A readable, unique order number such as ORD-2026-000123 (ids are keys, never business numbers). */
    public String nextOrderNumber(int year) {
        // a sequence, no table: nothing the persistence context holds needs flushing first, nor checking whether it
        // does (Hibernate's automatic flush walks every held entity to decide)
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('order_number_seq')")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        String digits = Long.toString(next.longValue());
        return "ORD-" + year + "-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }
}
