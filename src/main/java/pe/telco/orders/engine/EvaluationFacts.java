package pe.telco.orders.engine;

import java.util.ArrayList;
import java.util.List;
import pe.telco.orders.evaluation.facts.CurrentProduct;
import pe.telco.orders.evaluation.facts.CustomerFacts;
import pe.telco.orders.evaluation.facts.ItemFacts;
import pe.telco.orders.evaluation.facts.OrderFacts;
import pe.telco.orders.evaluation.facts.StockAtLocation;
import pe.telco.orders.evaluation.facts.TechnologyAtAddress;

/** Everything the rules may look at for one order, gathered before the session runs (rules never do I/O). */
public record EvaluationFacts(
        OrderFacts order,
        CustomerFacts customer,
        List<ItemFacts> items,
        List<CurrentProduct> currentProducts,
        List<TechnologyAtAddress> technologies,
        List<StockAtLocation> stock) {

    /** The facts in the order they are inserted into the session. */
    public List<Object> all() {
        List<Object> facts = new ArrayList<>(2 + items.size() + currentProducts.size() + technologies.size()
                + stock.size());
        facts.add(order);
        facts.add(customer);
        facts.addAll(items);
        facts.addAll(currentProducts);
        facts.addAll(technologies);
        facts.addAll(stock);
        return facts;
    }
}
