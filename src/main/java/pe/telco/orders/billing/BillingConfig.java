package pe.telco.orders.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How invoices are issued. */
@ConfigMapping(prefix = "orders.billing")
public interface BillingConfig {

    /** IGV rate included in every catalogue price (0.18 = 18%); invoices show it inside the totals. */
    @WithDefault("0.18")
    BigDecimal igvRate();

    /** Days from issue to the due date; after it an unpaid invoice is overdue. */
    @WithDefault("15")
    int paymentTermDays();
}
