package pe.telco.orders.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import pe.telco.orders.customer.CustomerProfile;
import pe.telco.orders.customer.DocumentType;
import pe.telco.orders.stock.StockLevel;

/**
 * The fresh reads of a dry run, the customer's profile with its current products and the stock of the order's
 * devices, in one statement and one round trip: no transaction to begin and commit, no entities to load. A single
 * statement sees one snapshot, so the customer and the stock it answers are as of the same instant. Stored orders
 * read the same values in their own transaction ({@link FactsGatherer#forOrder}), where pending changes to the
 * customer must be seen.
 */
@ApplicationScoped
public class DraftReads {

    /** Both reads as one JSON row; the stock is ordered as {@code StockRepository.levelsOf} orders it. */
    static final String SQL = """
            select json_build_object(
              'customer', (select json_build_object('documentType', c.document_type, 'documentNumber', c.document_number,
                  'segment', c.segment, 'customerSince', c.customer_since, 'creditScore', c.credit_score,
                  'overdueDebt', c.overdue_debt,
                  'products', coalesce((select json_agg(json_build_object('productCode', p.product_code,
                      'street', p.street, 'postalCode', p.postal_code) order by p.id)
                    from customer_product p where p.customer_id = c.id), '[]'::json))
                from customer c where c.document_type = ? and c.document_number = ?),
              'stock', coalesce((select json_agg(json_build_object('productCode', s.product_code,
                  'locationCode', s.location_code, 'locationKind', l.kind, 'onHand', s.on_hand,
                  'reserved', s.reserved) order by s.product_code, s.location_code)
                from stock s join location l on l.location_code = s.location_code
                where s.product_code = any (?)), '[]'::json))""";

    /** What a dry run reads fresh: the customer when known, and every location's stock of the devices. */
    public record Fresh(Optional<CustomerProfile> customer, List<StockLevel> stock) {
    }

    private record Row(CustomerProfile customer, List<StockLevel> stock) {
    }

    private final DataSource db;
    private final ObjectMapper json;

    public DraftReads(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The customer with this (normalised) document and the stock of these products, as of one instant. */
    public Fresh read(DocumentType documentType, String documentNumber, Collection<String> deviceCodes) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            Array codes = c.createArrayOf("varchar", deviceCodes.toArray());
            s.setString(1, documentType.name());
            s.setString(2, documentNumber);
            s.setArray(3, codes);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Row row = json.readValue(rs.getString(1), Row.class);
                return new Fresh(Optional.ofNullable(row.customer()), row.stock());
            } finally {
                codes.free();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The customer and stock could not be read: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The customer and stock read could not be understood", e);
        }
    }
}
