package pe.telco.orders.common;

/**
 * How rows that come many to a request are numbered: an instance takes ids from the table's sequence in blocks of
 * {@link #BLOCK} (one {@code nextval} per block, Hibernate's pooled-lo optimiser), so it knows an item's, a history
 * entry's, a shipment's or a work order's id before inserting it and can insert them at the flush, one batch per
 * table, instead of one round trip each. A batch runs as long as consecutive persists are of one table, so code that
 * writes several tables persists them table by table (the release: shipments, work orders, then the history). Ids
 * stay unique across instances; they are not in commit order (they never were), and a restart leaves a gap of at most
 * one block.
 *
 * <p>The sequences' increments are set to the same number by the migration {@code V19__id_blocks.sql}; the two must
 * change together.
 */
public final class Ids {

    public static final int BLOCK = 50;

    private Ids() {
    }
}
