package pe.telco.orders.ruleset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the initial ruleset is read from on the very first start. */
@ConfigMapping(prefix = "orders.rules")
public interface RulesConfig {

    /** Folder of the DRL files imported as version 1 when the database has no ruleset yet. */
    @WithDefault("rules")
    String rulesDirectory();

    /** Folder of the {@code .drl.xlsx} decision tables imported with them. */
    @WithDefault("decision-tables")
    String decisionTablesDirectory();
}
