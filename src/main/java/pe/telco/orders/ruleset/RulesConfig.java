package pe.telco.orders.ruleset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the initial ruleset is read from on the very first start, and how rule changes are checked and spread. */
@ConfigMapping(prefix = "orders.rules")
public interface RulesConfig {

    /** Folder of the DRL files imported as version 1 when the database has no ruleset yet. */
    @WithDefault("rules")
    String rulesDirectory();

    /** Folder of the {@code .drl.xlsx} decision tables imported with them. */
    @WithDefault("decision-tables")
    String decisionTablesDirectory();

    /** How many of the most recent stored evaluations an upload re-runs under the candidate (0 turns it off). */
    @WithDefault("200")
    int uploadSnapshotCheck();

    /** A candidate must be activated by someone other than its author. */
    @WithDefault("true")
    boolean fourEyes();

    /** How often each instance checks the active version, in case a notification was lost. */
    @WithDefault("5s")
    java.time.Duration activeCheckInterval();

    /**
     * Where the dedicated connection that LISTENs for activations and reference-data changes (NOTIFY) goes: absent,
     * the datasource's URL; behind a pooler in transaction mode (PgBouncer), a URL straight to PostgreSQL, or
     * {@code none} to hold no such connection (the active-version check and the reference-data time to live then carry
     * other instances' changes).
     */
    java.util.Optional<String> listenUrl();

    /** At most this many changed orders are listed in an impact preview (all are counted). */
    @WithDefault("500")
    int impactOrderLimit();

    /** How often an instance records that it still holds its queued and running impact previews. */
    @WithDefault("10s")
    java.time.Duration impactHeartbeat();

    /** A queued or running impact preview without a heartbeat for this long is failed: its instance is gone. */
    @WithDefault("1m")
    java.time.Duration impactAbandonedAfter();

    /**
     * Compiled versions kept in memory besides the active one (replays, previews), most recent first. Uploads never
     * add to them: candidates are compiled only in the sandbox, and a table has at most {@code limits.rows-per-table}
     * rows, so this count bounds the memory they hold.
     */
    @WithDefault("8")
    int compiledVersionsKept();

    /** The child process every candidate is compiled and tried in. */
    Sandbox sandbox();

    /** What one upload may hold; past a limit it is refused with a plain message. */
    Limits limits();

    /** Heap, time and concurrency of the sandbox process. */
    interface Sandbox {

        /** Heap of the sandbox JVM (its -Xmx). */
        @WithDefault("512m")
        String heap();

        /** A check still running after this is stopped and the upload refused. */
        @WithDefault("120s")
        java.time.Duration timeout();

        /** Checks running at once on one instance; one more is answered 429. */
        @WithDefault("2")
        int concurrent();
    }

    /** Sizes of an upload. */
    interface Limits {

        /** Bytes of one uploaded file. */
        @WithDefault("5242880")
        long fileBytes();

        /** Rows of one RuleTable. */
        @WithDefault("2000")
        int rowsPerTable();

        /** Sheets of one workbook. */
        @WithDefault("20")
        int sheetsPerWorkbook();

        /** Uncompressed bytes of one part of a workbook (a sheet, the shared strings...). */
        @WithDefault("20971520")
        long bytesPerPart();

        /** Uncompressed bytes of a whole workbook. */
        @WithDefault("62914560")
        long bytesPerWorkbook();
    }
}
