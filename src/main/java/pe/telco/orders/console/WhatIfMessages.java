package pe.telco.orders.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The what-if and shadow pages' texts in Spanish (the default); {@code messages/whatif_en.properties}: English. */
@MessageBundle(value = "whatif", locale = "es")
public interface WhatIfMessages {

    @Message("¿Qué pasaría si…?")
    String title();

    @Message("Qué pasaría si")
    String menu();

    @Message("Parte de los datos congelados de la evaluación {evaluation} (pedido {order}, {decision} con la versión {version}); cambia lo que quieras y decide con una o dos versiones. No se guarda nada.")
    String fromEvaluation(long evaluation, String order, String decision, int version);

    @Message("Un pedido en blanco: completa los datos y decide con una o dos versiones. No se guarda nada.")
    String fromBlank();

    @Message("Abrir una evaluación guardada")
    String openEvaluation();

    @Message("Número de evaluación")
    String evaluationNumber();

    @Message("Abrir")
    String open();

    @Message("Empezar en blanco")
    String blank();

    @Message("Versión")
    String versionA();

    @Message("Comparar con")
    String versionB();

    @Message("(ninguna)")
    String none();

    @Message("Decidir")
    String run();

    @Message("Cliente")
    String customer();

    @Message("Pedido")
    String order();

    @Message("Productos")
    String items();

    @Message("Cobertura en la dirección")
    String coverage();

    @Message("Stock")
    String stock();

    @Message("Productos que ya tiene el cliente")
    String owned();

    @Message("Tipo de documento")
    String documentType();

    @Message("Número de documento")
    String documentNumber();

    @Message("Segmento")
    String segment();

    @Message("Ya es cliente")
    String existing();

    @Message("Antigüedad (meses)")
    String tenureMonths();

    @Message("Puntaje crediticio (vacío: sin historial)")
    String creditScore();

    @Message("Deuda vencida")
    String overdueDebt();

    @Message("Canal")
    String channel();

    @Message("Entrega")
    String deliveryMethod();

    @Message("Tienda de recojo")
    String pickupStoreCode();

    @Message("Código postal")
    String postalCode();

    @Message("Términos aceptados")
    String acceptedTermsVersion();

    @Message("Términos vigentes")
    String currentTermsVersion();

    @Message("Código de producto")
    String productCode();

    @Message("Cantidad")
    String quantity();

    @Message("Cuotas")
    String installments();

    @Message("Precio unitario (vacío: catálogo)")
    String unitPrice();

    @Message("Cargo mensual (vacío: catálogo)")
    String monthlyFee();

    @Message("Tecnología")
    String technology();

    @Message("Ofrecida")
    String offered();

    @Message("Velocidad máxima (Mbps)")
    String maxDownloadMbps();

    @Message("Local")
    String locationCode();

    @Message("Tipo de local")
    String locationKind();

    @Message("En almacén")
    String onHand();

    @Message("Reservado")
    String reserved();

    @Message("Categoría")
    String category();

    @Message("En la misma dirección")
    String atServiceAddress();

    @Message("Deja una fila vacía para no usarla.")
    String emptyRowHint();

    @Message("Revisa los campos marcados: {count} no son válidos.")
    String invalidFields(int count);

    @Message("Versión {version} ({status})")
    String versionHeading(int version, String status);

    @Message("Decisión")
    String decision();

    @Message("Motivos")
    String reasons();

    @Message("Sin motivos: todas las verificaciones pasaron.")
    String noReasons();

    @Message("Reglas y filas aplicadas")
    String fired();

    @Message("Por qué y por qué no, por verificación")
    String why();

    @Message("Decidió")
    String decidedBy();

    @Message("Filas más cercanas que no se aplicaron")
    String nearest();

    @Message("Las reglas fallaron: {failure}")
    String failed(String failure);

    @Message("Diferencias entre la versión {from} y la {to}")
    String differenceHeading(int from, int to);

    @Message("La decisión cambia: {from} → {to}")
    String decisionChanges(String from, String to);

    @Message("La decisión no cambia ({decision})")
    String decisionSame(String decision);

    @Message("Solo con la versión {version}")
    String onlyIn(int version);

    @Message("No se pudo decidir: {message}")
    String refused(String message);

    @Message("Nada de esto se guardó.")
    String nothingStored();

    @Message("Modo sombra")
    String shadowTitle();

    @Message("La versión {version} está en sombra desde {since} (iniciada por {by}): decide cada evaluación real después de su confirmación, sin tocar la respuesta al canal.")
    String shadowOn(int version, String since, String by);

    @Message("Ninguna versión está en sombra.")
    String shadowOff();

    @Message("Comparadas {compared} · decisiones que cambian {changed} · solo motivos {reasons} · fallidas {failed} · omitidas por carga {skipped}")
    String shadowCounts(long compared, long changed, long reasons, long failed, long skipped);

    @Message("Poner en sombra")
    String shadowStart();

    @Message("Terminar la sombra")
    String shadowEnd();

    @Message("Comentario")
    String comment();

    @Message("Diferencias")
    String shadowDifferences();

    @Message("Evaluación")
    String evaluation();

    @Message("En vivo")
    String live();

    @Message("En sombra")
    String shadow();

    @Message("Reglas")
    String rules();

    @Message("Sin diferencias todavía.")
    String noDifferences();

    @Message("Corridas anteriores")
    String pastRuns();

    @Message("No se pudo: {message}")
    String shadowRefused(String message);
}
