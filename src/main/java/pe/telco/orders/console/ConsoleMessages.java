package pe.telco.orders.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the console says, in Spanish (the default); {@code messages/msg_en.properties} has the English. */
@MessageBundle(value = "msg", locale = "es")
public interface ConsoleMessages {

    @Message("Consola de pedidos")
    String appName();

    @Message("Menú")
    String menu();

    @Message("Resumen")
    String overview();

    @Message("Reglas")
    String rules();

    @Message("Revisión")
    String review();

    @Message("Auditoría")
    String audit();

    @Message("English")
    String otherLanguage();

    @Message("Activar la versión {version}")
    String activateButton(int version);

    @Message("Activada por")
    String activatedBy();

    @Message("La versión {version} está activa: las próximas evaluaciones la usan.")
    String activatedMessage(int version);

    @Message("Activación")
    String activationTitle();

    @Message("Reglas activas")
    String activeRuleset();

    @Message("Evaluado por")
    String actor();

    @Message("Después")
    String after();

    @Message("Todas las verificaciones pasaron.")
    String allPassed();

    @Message("Todos los resultados ({count})")
    String allResults(int count);

    @Message("(cualquiera)")
    String any();

    @Message("Aprobar")
    String approve();

    @Message("Autor")
    String author();

    @Message("Basada en")
    String basedOn();

    @Message("Antes")
    String before();

    @Message("Decisiones por canal (30 días)")
    String byChannel();

    @Message("Celda")
    String cell();

    @Message("Cadena rota")
    String chainBroken();

    @Message("Sello verificado")
    String chainValid();

    @Message("Canal")
    String channel();

    @Message("Verificación")
    String check();

    @Message("Resultado de la carga")
    String checks();

    @Message("Columna")
    String column();

    @Message("Comentario")
    String comment();

    @Message("Comparar la versión")
    String compare();

    @Message("Cantidad")
    String count();

    @Message("Creada")
    String created();

    @Message("Documento del cliente")
    String customerDocument();

    @Message("Decisión registrada: {what}")
    String decided(String what);

    @Message("Decisión")
    String decision();

    @Message("{#when decision}{#is 'RELEASED'}Liberado{#is 'HELD'}Retenido{#is 'REJECTED'}Rechazado{#else}{decision}{/when}")
    String decisionName(String decision);

    @Message("Decisiones de los últimos 30 días: {count}")
    String decisions30(long count);

    @Message("Rechazar")
    String decline();

    @Message("Descripción")
    String description();

    @Message("Cambios de la versión {from} a la {to}")
    String diffTitle(int from, int to);

    @Message("Descargar el archivo")
    String download();

    @Message("Arrastra aquí tus libros Excel (.drl.xlsx) o archivos .drl, o haz clic para elegirlos")
    String dropHere();

    @Message("Evaluación")
    String evaluation();

    @Message("Evaluación {id} · {order}")
    String evaluationTitle(long id, String order);

    @Message("Ejemplo")
    String example();

    @Message("Casos de ejemplo")
    String examples();

    @Message("Fila")
    String excelRow();

    @Message("Esperado")
    String expected();

    @Message("Explicación: por qué y por qué no")
    String explanation();

    @Message("Exportar CSV")
    String exportCsv();

    @Message("Hechos evaluados")
    String facts();

    @Message("Falla")
    String fail();

    @Message("Archivo")
    String file();

    @Message("Archivos")
    String files();

    @Message("Archivos nuevos")
    String filesAdded();

    @Message("Archivos quitados")
    String filesRemoved();

    @Message("Disparos (30 días)")
    String fired30();

    @Message("Cada fila es una regla; la última columna dice cuántas veces decidió en los últimos 30 días. Las filas que nunca se dispararon están resaltadas.")
    String firedHint();

    @Message("Reglas disparadas ({count})")
    String firedRules(int count);

    @Message("{count} evaluaciones encontradas")
    String found(long count);

    @Message("Desde")
    String from();

    @Message("Decisiones que cambiarían")
    String fromTo();

    @Message("Ir a la activación")
    String goActivate();

    @Message("Obtenido")
    String got();

    @Message("Huella (SHA-256)")
    String hash();

    @Message("{count} pedidos esperan una revisión, los más antiguos primero.")
    String heldCount(long count);

    @Message("retenido")
    String heldSince();

    @Message("Vuelve a decidir evaluaciones pasadas con esta versión y con la activa ({active}); ningún pedido cambia.")
    String impactHint(int active);

    @Message("Impacto de la versión {candidate} frente a la {baseline}")
    String impactOf(int candidate, int baseline);

    @Message("Resultado")
    String impactResult();

    @Message("Estado")
    String impactState();

    @Message("{processed} evaluaciones revisadas: {changed} cambiarían de decisión, {unchanged} no cambian, {failed} fallaron.")
    String impactSummary(int processed, int changed, int unchanged, int failed);

    @Message("Vista previa del impacto")
    String impactTitle();

    @Message("Integridad y repetición")
    String integrity();

    @Message("Últimas evaluaciones")
    String lastEvaluations();

    @Message("La fila solo cambió de lugar")
    String moved();

    @Message("Nunca se disparó en 30 días")
    String neverFired();

    @Message("Siguiente")
    String next();

    @Message("Sin cambios entre estas versiones.")
    String noChanges();

    @Message("Ninguno.")
    String none();

    @Message("Aún sin sellar (el sellador lo hará en un momento)")
    String notSealed();

    @Message("Pedido")
    String order();

    @Message("Pedidos afectados")
    String ordersAffected();

    @Message("Pasa")
    String pass();

    @Message("Decisiones por día (últimos 30 días)")
    String perDay();

    @Message("Anterior")
    String previous();

    @Message("Problema")
    String problem();

    @Message("No hay pedidos retenidos.")
    String queueEmpty();

    @Message("Código de motivo")
    String reasonCode();

    @Message("Motivos")
    String reasons();

    @Message("recibido")
    String received();

    @Message("No puedes activar esta versión porque tú la subiste: otra persona con el rol de aprobador de reglas debe activarla (cuatro ojos).")
    String refusedAuthor();

    @Message("Solo un aprobador de reglas que no sea el autor puede activar una versión. Pídeselo a uno.")
    String refusedRole();

    @Message("Esta versión se preparó sobre la {base}, pero ahora está activa la {active}: activarla desharía esos cambios. Descarga los archivos activos, aplica tu cambio y súbelo otra vez.")
    String refusedStale(Integer base, int active);

    @Message("Repetir la evaluación")
    String replay();

    @Message("La repetición difiere:")
    String replayDiffers();

    @Message("Repetición idéntica, con los mismos resultados y reglas:")
    String replayIdentical();

    @Message("pedido por")
    String requestedBy();

    @Message("Resultado")
    String result();

    @Message("Volver a la versión {version}")
    String rollbackButton(int version);

    @Message("Volver a esta versión")
    String rollbackTitle();

    @Message("Regla")
    String rule();

    @Message("Reglas nuevas")
    String rulesAdded();

    @Message("Reglas quitadas")
    String rulesRemoved();

    @Message("Calcular el impacto")
    String runImpact();

    @Message("eslabón {seq}")
    String sealSeq(long seq);

    @Message("Buscar")
    String search();

    @Message("ver la tabla")
    String seeTable();

    @Message("Hoja")
    String sheet();

    @Message("Ver cambios")
    String showDiff();

    @Message("Se volvieron a decidir {count} pedidos recientes sin errores.")
    String snapshotsChecked(int count);

    @Message("Estado")
    String statusLabel();

    @Message("{#when status}{#is 'ACTIVE'}Activa{#is 'CANDIDATE'}Candidata{#is 'RETIRED'}Retirada{#is 'WITHDRAWN'}Anulada por su autor{#else}{status}{/when}")
    String statusName(String status);

    @Message("Hasta")
    String to();

    @Message("Motivos más frecuentes (30 días)")
    String topReasons();

    @Message("Se muestran solo los primeros pedidos.")
    String truncated();

    @Message("Subir y verificar")
    String uploadButton();

    @Message("Los archivos reemplazan a los de la versión activa con el mismo nombre. Se compilan, se corren sus ejemplos y pedidos recientes; nada pasa a producción hasta que otra persona lo active.")
    String uploadHint();

    @Message("La carga fue rechazada; nada cambió. Corrige estas celdas y vuelve a subir:")
    String uploadRefused();

    @Message("Subir una nueva versión")
    String uploadTitle();

    @Message("Versión {version} creada como candidata. Revisa las advertencias y los ejemplos, y calcula su impacto.")
    String uploadedCandidate(int version);

    @Message("Versión")
    String version();

    @Message("Versión {version}")
    String versionTitle(int version);

    @Message("Versiones")
    String versions();

    @Message("Advertencias")
    String warnings();

    @Message("Historial de activaciones")
    String activationHistory();

    @Message("Versión anterior")
    String previousVersion();

    @Message("vuelta atrás")
    String rollbackBadge();

    @Message("Anulada por")
    String withdrawnBy();

    @Message("Anular esta candidata")
    String withdrawTitle();

    @Message("Anular la versión {version}")
    String withdrawButton(int version);

    @Message("Su autor anuló esta versión: queda en el registro y no se puede activar.")
    String refusedWithdrawn();

    @Message("Productos")
    String orderedItems();

    @Message("Montos")
    String orderedAmounts();

    @Message("financiado")
    String financed();

    @Message("mensual")
    String monthly();

    @Message("fila nueva")
    String newRow();

    @Message("eliminada")
    String removedRow();

    @Message("Advertencias que la versión base ya tenía")
    String warningsInBase();

    @Message("Fecha")
    String when();

    @Message("Dónde")
    String where();

    @Message("Por qué:")
    String why();

    @Message("Por qué no: las {count} filas más cercanas")
    String whyNot(int count);

    @Message("con la")
    String with();

    @Message("Páginas:")
    String pageOf(int page, int pages);

    @Message("La solicitud tiene datos que no son válidos")
    String errorInvalid();

    @Message("No tiene permiso para esto")
    String errorForbidden();

    @Message("No se encontró")
    String errorNotFound();

    @Message("El estado actual no lo permite")
    String errorConflict();

    @Message("El archivo o el envío es demasiado grande")
    String errorTooLarge();

    @Message("No se puede procesar")
    String errorUnprocessable();

    @Message("El servicio no está disponible por un momento; nada se modificó, vuelva a intentarlo")
    String errorUnavailable();

    @Message("Ocurrió un error interno; quedó registrado y nada se modificó")
    String errorInternal();

    @Message("La solicitud fue rechazada")
    String errorRefused();

    @Message("Volver")
    String errorBack();

    @Message("Iniciar sesión")
    String signInTitle();

    @Message("Ingresar")
    String signIn();

    @Message("Usuario")
    String userName();

    @Message("Contraseña")
    String password();

    @Message("Usuario o contraseña incorrectos.")
    String signInFailed();

    @Message("Sesión cerrada.")
    String signedOut();

    @Message("La sesión se cierra sola tras 30 minutos sin actividad.")
    String sessionHint();

    @Message("Cerrar sesión")
    String signOut();
}
