package pe.telco.orders.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the console says about regression suites and row coverage, in Spanish (the default);
 * {@code messages/suite_en.properties} has the English. Kept apart from {@link ConsoleMessages} as its own feature.
 */
@MessageBundle(value = "suite", locale = "es")
public interface SuiteMessages {

    @Message("Batería de regresión")
    String title();

    @Message("Cada caso es un pedido completo que la empresa espera que las reglas decidan así. Se corre en cada carga.")
    String hint();

    @Message("Todos los casos dan la decisión y los motivos esperados.")
    String allPassed();

    @Message("{count} caso(s) no dan lo esperado: esta versión no se puede activar sin un motivo de excepción.")
    String failing(int count);

    @Message("Caso")
    String caseLabel();

    @Message("Qué prueba")
    String what();

    @Message("(ninguno)")
    String noReasons();

    @Message("Error")
    String error();

    @Message("Cobertura de filas")
    String coverageTitle();

    @Message("{fired} de {rules} reglas se disparan en algún ejemplo o caso.")
    String coverageSummary(int fired, int rules);

    @Message("Reglas que ningún ejemplo ni caso dispara")
    String notFiredTitle();

    @Message("Regla")
    String rule();

    @Message("Dónde")
    String where();

    @Message("fila {row}")
    String row(Integer row);

    @Message("línea {row}")
    String line(Integer row);

    @Message("Todas las reglas se disparan en algún ejemplo o caso.")
    String everyRuleFired();

    @Message("Motivo para activar pese a los casos que fallan")
    String overrideLabel();

    @Message("Quedará registrado en el historial de activaciones con los casos que fallan.")
    String overrideHint();

    @Message("Esta versión tiene casos de la batería de regresión que fallan: para activarla escriba el motivo de la excepción.")
    String refused();

    @Message("Excepción a la batería")
    String overrideColumn();

    @Message("{reason} (casos: {cases})")
    String overrideText(String reason, String cases);
}
