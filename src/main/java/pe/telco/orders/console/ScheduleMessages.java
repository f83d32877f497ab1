package pe.telco.orders.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the console says about scheduled activations ({@code sched:} in templates), in Spanish;
 * {@code messages/sched_en.properties} has the English.
 */
@MessageBundle(value = "sched", locale = "es")
public interface ScheduleMessages {

    @Message("Activación programada")
    String title();

    @Message("Activar esta versión en una fecha y hora de Lima. Cuatro ojos y la versión base se verifican ahora y otra vez en ese instante; si entonces no se cumplen, la programación queda como fallida con el motivo.")
    String hint();

    @Message("Fecha y hora (Lima)")
    String at();

    @Message("Programar la activación de la versión {version}")
    String button(int version);

    @Message("La versión {version} se activará el {at} (hora de Lima).")
    String scheduledMessage(int version, String at);

    @Message("Programación cancelada; la versión no se activará.")
    String cancelledMessage();

    @Message("La versión {version} se activará el {at} (hora de Lima), programada por {by}.")
    String pending(int version, String at, String by);

    @Message("Cancelar la programación")
    String cancelButton();

    @Message("Motivo de la cancelación")
    String cancelReason();

    @Message("La versión {version} ya está programada para el {at}: solo puede haber una programación pendiente. Cancélala antes de programar otra.")
    String otherPending(int version, String at);

    @Message("Programaciones de esta versión")
    String history();

    @Message("Para")
    String scheduledFor();

    @Message("Programada por")
    String scheduledBy();

    @Message("Resultado")
    String outcome();

    @Message("Programada")
    String scheduledColumn();

    @Message("para {at} por {by}")
    String scheduledForBy(String at, String by);

    @Message("{#when state}{#is 'PENDING'}Pendiente{#is 'DONE'}Activada{#is 'FAILED'}Fallida{#is 'CANCELLED'}Cancelada{#else}{state}{/when}")
    String stateName(String state);

    @Message("activada el {at}")
    String switchedAt(String at);

    @Message("cancelada por {by} el {at}")
    String cancelledBy(String by, String at);

    @Message("No se programó; nada cambió.")
    String refused();
}
