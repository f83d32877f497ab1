package pe.telco.orders.customer;

import java.util.Locale;
import java.util.regex.Pattern;

/** A Peruvian identity document; each type has its own number format. */
public enum DocumentType {
    DNI("\\d{8}", "must be 8 digits for a DNI"),
    CE("[A-Z0-9]{9,12}", "must be 9 to 12 letters or digits for a CE"),
    RUC("\\d{11}", "must be 11 digits for a RUC"),
    PASSPORT("[A-Z0-9]{6,12}", "must be 6 to 12 letters or digits for a PASSPORT");

    /** Any of the types, for path parameters. */
    public static final String NAME_PATTERN = "DNI|CE|RUC|PASSPORT";
    /** What any type's number may look like, before the type's own rule. */
    public static final String ANY_NUMBER_PATTERN = "[A-Za-z0-9]{6,12}";

    private final Pattern number;
    private final String rule;

    DocumentType(String number, String rule) {
        this.number = Pattern.compile(number);
        this.rule = rule;
    }

    /** The number as stored: letters upper-cased. */
    public static String normalize(String number) {
        return number == null ? null : number.trim().toUpperCase(Locale.ROOT);
    }

    public boolean accepts(String number) {
        return number != null && this.number.matcher(normalize(number)).matches();
    }

    /** Why a number is refused, as a validation message. */
    public String rule() {
        return rule;
    }
}
