package pe.telco.orders.billing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Invoices with their lines, and their payments. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepository<Invoice> {

    public Optional<Invoice> ofOrder(long orderId) {
        return find("select i from Invoice i left join fetch i.lines where i.orderId = ?1", orderId)
                .singleResultOptional();
    }

    public Optional<Invoice> withLines(long id) {
        return find("select i from Invoice i left join fetch i.lines where i.id = ?1", id).singleResultOptional();
    }

    public List<Payment> paymentsOf(long invoiceId) {
        return getEntityManager().createQuery("from Payment p where p.invoiceId = ?1 order by p.paidAt, p.id",
                Payment.class).setParameter(1, invoiceId).getResultList();
    }

    public void persistPayment(Payment payment) {
        getEntityManager().persist(payment);
    }

    public String nextInvoiceNumber(int year) {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('invoice_number_seq')")
                .getSingleResult();
        return "FAC-%d-%06d".formatted(year, next.longValue());
    }
}
