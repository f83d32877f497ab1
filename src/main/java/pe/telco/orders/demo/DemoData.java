package pe.telco.orders.demo;

import static pe.telco.orders.catalog.ProductCategory.FIBER_INTERNET;
import static pe.telco.orders.catalog.ProductCategory.FIXED_LINE;
import static pe.telco.orders.catalog.ProductCategory.HFC_INTERNET;
import static pe.telco.orders.catalog.ProductCategory.MOBILE_POSTPAID;
import static pe.telco.orders.catalog.ProductCategory.MOBILE_PREPAID;
import static pe.telco.orders.catalog.ProductCategory.ROUTER;
import static pe.telco.orders.catalog.ProductCategory.SMARTPHONE;
import static pe.telco.orders.catalog.ProductCategory.TV;
import static pe.telco.orders.coverage.Technology.DSL;
import static pe.telco.orders.coverage.Technology.FTTH;
import static pe.telco.orders.coverage.Technology.HFC;
import static pe.telco.orders.coverage.Technology.LTE;
import static pe.telco.orders.coverage.Technology.NR5G;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import pe.telco.orders.catalog.ProductCategory;
import pe.telco.orders.catalog.ProductKind;
import pe.telco.orders.catalog.ProductRequest;
import pe.telco.orders.catalog.ProductService;
import pe.telco.orders.coverage.CoverageRequest;
import pe.telco.orders.coverage.CoverageService;
import pe.telco.orders.coverage.Technology;
import pe.telco.orders.customer.CustomerRequest;
import pe.telco.orders.customer.CustomerService;
import pe.telco.orders.customer.DocumentType;
import pe.telco.orders.customer.Segment;
import pe.telco.orders.location.LocationKind;
import pe.telco.orders.location.LocationRequest;
import pe.telco.orders.location.LocationService;
import pe.telco.orders.stock.StockService;
import pe.telco.orders.terms.TermsRequest;
import pe.telco.orders.terms.TermsService;

/** Loads a Lima operator's reference data through the services, once, into an empty catalogue. */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final DemoDataConfig config;
    private final ProductService products;
    private final CoverageService coverage;
    private final LocationService locations;
    private final StockService stock;
    private final TermsService terms;
    private final CustomerService customers;

    DemoData(DemoDataConfig config, ProductService products, CoverageService coverage, LocationService locations,
             StockService stock, TermsService terms, CustomerService customers) {
        this.config = config;
        this.products = products;
        this.coverage = coverage;
        this.locations = locations;
        this.stock = stock;
        this.terms = terms;
        this.customers = customers;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled() && products.list(0, 1).total() == 0) {
            load();
            LOG.info("Demo data loaded: 15 products, 5 postal codes, 4 locations, 2 terms versions, 4 customers");
        }
    }

    /** Loads (or reloads: every step is an upsert) the whole data set in one transaction. */
    @Transactional
    public void load() {
        loadCatalogue();
        loadCoverage();
        loadLocationsAndStock();
        terms.publish("2025-07", new TermsRequest(LocalDate.of(2025, 7, 1), "https://www.telco.pe/condiciones/2025-07"));
        terms.publish("2026-01", new TermsRequest(LocalDate.of(2026, 1, 1), "https://www.telco.pe/condiciones/2026-01"));
        loadCustomers();
    }

    private void loadCatalogue() {
        device("PHONE-A15-128", "Samsung Galaxy A15 128GB", SMARTPHONE, "899.00", 24);
        device("PHONE-IP15-128", "Apple iPhone 15 128GB", SMARTPHONE, "4299.00", 36);
        device("PHONE-G54-256", "Motorola moto g54 256GB", SMARTPHONE, "1099.00", 24);
        device("PHONE-PREPAGO-32", "Alcatel 1 32GB (prepago)", SMARTPHONE, "199.00", 0);
        device("ROUTER-WIFI6", "Router Wi-Fi 6 AX3000", ROUTER, "249.00", 6);
        service("FIBER-300", "Fibra 300 Mbps", FIBER_INTERNET, "109.00", 12, 300);
        service("FIBER-600", "Fibra 600 Mbps", FIBER_INTERNET, "139.00", 12, 600);
        service("FIBER-1000", "Fibra 1000 Mbps", FIBER_INTERNET, "189.00", 12, 1000);
        service("HFC-200", "Internet HFC 200 Mbps", HFC_INTERNET, "89.00", 12, 200);
        service("FIXED-LINE", "Telefonía fija ilimitada", FIXED_LINE, "29.90", 0, null);
        service("POSTPAID-49", "Plan Postpago 49.90 (30 GB)", MOBILE_POSTPAID, "49.90", 0, null);
        service("POSTPAID-79", "Plan Postpago 79.90 (ilimitado)", MOBILE_POSTPAID, "79.90", 0, null);
        products.upsert("PREPAID-CHIP", new ProductRequest("Chip prepago", ProductKind.SERVICE, MOBILE_PREPAID,
                new BigDecimal("5.00"), null, "PEN", false, 0, 0, null));
        service("TV-HD", "TV Cable HD (110 canales)", TV, "65.00", 12, null);
        service("TV-PREMIUM", "TV Premium HD + cine y deportes", TV, "119.00", 12, null);
    }

    private void device(String code, String name, ProductCategory category, String price, int maxInstallments) {
        products.upsert(code, new ProductRequest(name, ProductKind.DEVICE, category, new BigDecimal(price), null,
                "PEN", maxInstallments > 0, maxInstallments, 0, null));
    }

    private void service(String code, String name, ProductCategory category, String monthlyFee, int contractMonths,
                         Integer downloadMbps) {
        products.upsert(code, new ProductRequest(name, ProductKind.SERVICE, category, BigDecimal.ZERO.setScale(2),
                new BigDecimal(monthlyFee), "PEN", false, 0, contractMonths, downloadMbps));
    }

    private void loadCoverage() {
        coverage("15074", available(FTTH, 1000), available(HFC, 500), available(LTE, 150), available(NR5G, 800));
        coverage("15046", available(FTTH, 600), available(HFC, 300), available(LTE, 150));
        coverage("15311", available(HFC, 200), available(DSL, 20), available(LTE, 100));
        coverage("15001", available(FTTH, 300), available(HFC, 200), available(LTE, 150));
        coverage("15841", available(LTE, 50));
    }

    private void coverage(String postalCode, CoverageRequest.Available... technologies) {
        coverage.replace(postalCode, new CoverageRequest(Arrays.asList(technologies)));
    }

    private static CoverageRequest.Available available(Technology technology, int maxDownloadMbps) {
        return new CoverageRequest.Available(technology, maxDownloadMbps);
    }

    private void loadLocationsAndStock() {
        locations.upsert("WH-LIMA-NORTE", new LocationRequest("Almacén Lima Norte", LocationKind.WAREHOUSE, "Independencia"));
        locations.upsert("WH-LIMA-SUR", new LocationRequest("Almacén Lima Sur", LocationKind.WAREHOUSE, "Lurín"));
        locations.upsert("ST-JOCKEY", new LocationRequest("Tienda Jockey Plaza", LocationKind.STORE, "Santiago de Surco"));
        locations.upsert("ST-MEGAPLAZA", new LocationRequest("Tienda MegaPlaza", LocationKind.STORE, "Independencia"));
        onHand("PHONE-A15-128", 120, 80, 15, 10);
        onHand("PHONE-IP15-128", 0, 0, 0, 0);
        onHand("PHONE-G54-256", 0, 35, 5, 0);
        onHand("PHONE-PREPAGO-32", 200, 0, 0, 40);
        onHand("ROUTER-WIFI6", 300, 250, 0, 0);
    }

    /** Units on hand at WH-LIMA-NORTE, WH-LIMA-SUR, ST-JOCKEY and ST-MEGAPLAZA, in that order. */
    private void onHand(String productCode, int... quantities) {
        List<String> where = List.of("WH-LIMA-NORTE", "WH-LIMA-SUR", "ST-JOCKEY", "ST-MEGAPLAZA");
        for (int i = 0; i < where.size(); i++) {
            stock.countOnHand(where.get(i), productCode, quantities[i]);
        }
    }

    private void loadCustomers() {
        customer(DocumentType.DNI, "45871236", "Ana Torres", Segment.RESIDENTIAL, "2019-05-01", 780, "0.00",
                "ana.torres@example.com", "+51 999 888 777",
                current("FIBER-300", "Av. Arequipa 1234", "15074", "2019-05-01"));
        customer(DocumentType.DNI, "40123457", "Carlos Mendoza", Segment.RESIDENTIAL, "2023-02-10", 560, "0.00",
                "carlos.mendoza@example.com", "+51 987 654 321",
                current("POSTPAID-49", "Av. José Pardo 620", "15046", "2023-02-10"));
        customer(DocumentType.DNI, "72345618", "Jorge Quispe", Segment.RESIDENTIAL, "2021-08-20", 420, "850.00",
                "jorge.quispe@example.com", "+51 976 543 210",
                current("HFC-200", "Av. Revolución 1500", "15311", "2021-08-20"));
        customer(DocumentType.RUC, "20512345678", "Inversiones Andinas S.A.C.", Segment.BUSINESS, "2017-01-15", 850,
                "0.00", "compras@andinas.example.pe", "+51 1 611 2233",
                current("FIBER-1000", "Av. Canaval y Moreyra 380", "15074", "2017-01-15"),
                current("FIXED-LINE", "Av. Canaval y Moreyra 380", "15074", "2017-01-15"));
    }

    private void customer(DocumentType type, String number, String name, Segment segment, String since, int score,
                          String overdueDebt, String email, String phone, CustomerRequest.CurrentProduct... current) {
        customers.upsert(type, number, new CustomerRequest(name, segment, LocalDate.parse(since), score,
                new BigDecimal(overdueDebt), email, phone, List.of(current)));
    }

    private static CustomerRequest.CurrentProduct current(String productCode, String street, String postalCode,
                                                          String since) {
        return new CustomerRequest.CurrentProduct(productCode,
                new CustomerRequest.Address(street, "Lima", postalCode), LocalDate.parse(since));
    }
}
