package pe.telco.orders.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.LocalDate;

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

    @Message("{#if count == 1}1 evaluación encontrada{#else}{count} evaluaciones encontradas{/if}")
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

    @Message("{#if count == 1}1 pedido espera{#else}{count} pedidos esperan{/if} una revisión, los más "
            + "antiguos primero.")
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

    @Message("{#if processed == 1}1 evaluación revisada{#else}{processed} evaluaciones revisadas{/if}: "
            + "{changed} {#if changed == 1}cambiaría{#else}cambiarían{/if} de decisión ({reasonsChanged} más "
            + "solo de motivos), {unchanged} {#if unchanged == 1}no cambia{#else}no cambian{/if} de decisión, "
            + "{failed} con error.")
    String impactSummary(int processed, int changed, int unchanged, int reasonsChanged, int failed);

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

    @Message("{#if count == 1}Se volvió a decidir 1 pedido reciente{#else}Se volvieron a decidir {count} "
            + "pedidos recientes{/if} sin errores.")
    String snapshotsChecked(int count);

    @Message("Estado")
    String statusLabel();

    @Message("{#when status}{#is 'ACTIVE'}Activa{#is 'CANDIDATE'}Candidata{#is 'RETIRED'}Retirada{#is 'WITHDRAWN'}Anulada por su autor{#else}{status}{/when}")
    String statusName(String status);

    @Message("Hasta")
    String to();

    @Message("Motivos más frecuentes (30 días)")
    String topReasons();

    @Message("Traza (OpenTelemetry)")
    String traceId();

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

    @Message("Por qué no: {#if count == 1}la fila más cercana{#else}las {count} filas más cercanas{/if}")
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

    @Message("{#when outcome}{#is 'PASS'}Pasa{#is 'REVIEW'}Revisión{#is 'FAIL'}Falla{#else}{outcome}{/when}")
    String outcomeName(String outcome);

    @Message("{#when check}{#is 'INVENTORY'}Stock{#is 'COVERAGE'}Cobertura{#is 'CREDIT'}Crédito{#is "
            + "'TERMS'}Términos{#is 'COMPATIBILITY'}Compatibilidad{#is 'FINANCIAL_APPROVAL'}Aprobación "
            + "financiera{#else}{check}{/when}")
    String checkName(String check);

    @Message("{#when channel}{#is 'STORE'}Tienda{#is 'VIRTUAL_STORE'}Tienda virtual{#is "
            + "'CALL_CENTER'}Central telefónica{#is 'WEB'}Web{#is 'APP'}App{#else}{channel}{/when}")
    String channelName(String channel);

    @Message("{#when state}{#is 'QUEUED'}En cola{#is 'RUNNING'}En curso{#is 'DONE'}Terminado{#is "
            + "'FAILED'}Falló{#is 'CANCELLED'}Cancelado{#else}{state}{/when}")
    String impactStateName(String state);

    @Message("{#when state}{#is 'acknowledged'}recibido{#is 'pending'}en revisión{#is 'rejected'}rechazado"
            + "{#is 'inProgress'}en curso{#is 'completed'}completado{#is 'partial'}parcial{#is "
            + "'failed'}fallido{#is 'cancelled'}cancelado{#else}{state}{/when}")
    String orderStateName(String state);

    @Message("{#when segment}{#is 'RESIDENTIAL'}Hogar{#is 'BUSINESS'}Empresa{#else}{segment}{/when}")
    String segmentName(String segment);

    @Message("{#when method}{#is 'HOME_DELIVERY'}Envío a domicilio{#is 'STORE_PICKUP'}Recojo en tienda{#is "
            + "''}Sin entrega{#else}{method}{/when}")
    String deliveryName(String method);

    @Message("Detalle técnico")
    String technicalDetail();

    @Message("Regla de desarrollo (DRL); su frase está en el detalle técnico")
    String drlRule();

    @Message("Otra persona pudo haberlo cambiado mientras tanto; vuelve a cargar la página y revisa el estado actual.")
    String conflictRetry();

    @Message("Lo pedido")
    String whatWasOrdered();

    @Message("Equipos {devices} · financiado {financed} · mensual {monthly}")
    String orderedAmountsLine(String devices, String financed, String monthly);

    @Message("Pedido")
    String factsOrder();

    @Message("Cliente")
    String factsCustomer();

    @Message("Dirección y cobertura")
    String factsCoverage();

    @Message("Productos pedidos")
    String factsItems();

    @Message("Stock")
    String factsStock();

    @Message("Términos y condiciones")
    String factsTerms();

    @Message("Entrega")
    String factDelivery();

    @Message("Total de equipos")
    String factDevicesTotal();

    @Message("Monto financiado")
    String factFinancedTotal();

    @Message("Pago mensual")
    String factMonthlyTotal();

    @Message("Cuotas (máximo del pedido)")
    String factMaxInstallments();

    @Message("Segmento")
    String factSegment();

    @Message("Tipo de cliente")
    String factCustomerKind();

    @Message("Cliente actual")
    String existingCustomer();

    @Message("Cliente nuevo")
    String newCustomer();

    @Message("Antigüedad")
    String factTenure();

    @Message("{#if count == 1}1 mes{#else}{count} meses{/if}")
    String months(int count);

    @Message("Puntaje crediticio")
    String factCreditScore();

    @Message("sin historial crediticio")
    String noCreditHistory();

    @Message("Deuda vencida")
    String factOverdueDebt();

    @Message("Producto actual")
    String factCurrentProduct();

    @Message("en esta dirección")
    String atThisAddress();

    @Message("en otra dirección ({postalCode})")
    String atAnotherAddress(String postalCode);

    @Message("Código postal")
    String factPostalCode();

    @Message("se ofrece, hasta {mbps} Mbps")
    String offeredUpTo(int mbps);

    @Message("no se ofrece")
    String notOffered();

    @Message("{code} ({category}) · {price}{#if installments > 0} · {installments} {#if installments == "
            + "1}cuota{#else}cuotas{/if}{/if}{#if contractMonths > 0} · permanencia de {contractMonths} {#if "
            + "contractMonths == 1}mes{#else}meses{/if}{/if}{#if mbps > 0} · {mbps} Mbps{/if}")
    String itemDetail(String code, String category, String price, int installments, int contractMonths, int mbps);

    @Message("{onHand} en existencia, {reserved} {#if reserved == 1}reservada{#else}reservadas{/if}")
    String stockLevel(int onHand, int reserved);

    @Message("Versión aceptada por el cliente")
    String factTermsAccepted();

    @Message("Versión vigente")
    String factTermsCurrent();

    @Message("ninguna")
    String noneShort();

    @Message("Solo cambian los motivos")
    String reasonsOnly();

    @Message("{#when kind}{#is 'form-token'}Este formulario venció o no se envió desde la consola; abre la "
            + "página otra vez y repite la acción.{#is 'cross-site-request'}La acción se envió desde otro "
            + "sitio y se rechazó para protegerte.{#is 'forbidden'}Tu rol no permite esta acción.{#is "
            + "'not-found'}No existe lo que buscas (o no tienes acceso a ello).{#is 'state-conflict'}El "
            + "estado actual no lo permite; otra persona pudo haberlo cambiado. Vuelve a cargar la página."
            + "{#is 'validation'}Revisa los datos enviados.{#is 'malformed-json'}El envío no se pudo leer."
            + "{#is 'too-busy'}Hay demasiadas solicitudes de este tipo a la vez; espera un momento y vuelve a "
            + "intentarlo.{#is 'service-unavailable'}El servicio no está disponible por un momento; nada se "
            + "modificó.{#is 'payload-too-large'}El archivo o el envío es demasiado grande.{#is "
            + "'internal'}Ocurrió un error interno; quedó registrado y nada se modificó.{#else}La solicitud "
            + "no se pudo completar.{/when}")
    String problemExplained(String kind);

    // Warehouse and field service: their work lists and actions

    @Message("Envíos")
    String shipments();

    @Message("Órdenes de trabajo")
    String workOrders();

    @Message("Por atender")
    String openShipments();

    @Message("Todos los estados")
    String allStates();

    @Message("Envíos de tu almacén:")
    String warehouseOnly();

    @Message("Ubicación")
    String location();

    @Message("Filtrar")
    String filter();

    @Message("{#if count == 1}1 envío{#else}{count} envíos{/if}, primero los que estuvieron listos antes.")
    String shipmentCount(long count);

    @Message("No hay envíos con este filtro.")
    String noShipments();

    @Message("Línea y producto")
    String lineAndProduct();

    @Message("Entrega")
    String deliveryMethod();

    @Message("Dirección o tienda")
    String addressOrStore();

    @Message("Ventana y horario")
    String windowAndSlot();

    @Message("Intentos")
    String attempts();

    @Message("Acciones")
    String actions();

    @Message("Recojo en")
    String pickupAt();

    @Message("del {from} al {to}")
    String window(LocalDate from, LocalDate to);

    @Message("lista desde el {date}")
    String readyFrom(LocalDate date);

    @Message("Recibió:")
    String receivedBy();

    @Message("Confirmar")
    String confirm();

    @Message("Página {number} de {pages}")
    String pageNumber(int number, int pages);

    @Message("{#when state}{#is 'PREPARED'}Preparado{#is 'DISPATCHED'}Despachado{#is 'DELIVERED'}Entregado{#is "
            + "'FAILED_DELIVERY'}Entrega fallida{#is 'RETURNED'}Devuelto{#is 'CANCELLED'}Cancelado{#else}{state}{/when}")
    String shipmentStateName(String state);

    @Message("{#when event}{#is 'dispatch'}Despachar{#is 'delivery'}Registrar entrega{#is 'failed-delivery'}Registrar "
            + "entrega fallida{#is 'redelivery'}Volver a despachar{#is 'return'}Devolver{#else}{event}{/when}")
    String shipmentEvent(String event);

    @Message("{#when event}{#is 'dispatch'}Envío {id} despachado.{#is 'delivery'}Envío {id} entregado; la firma quedó "
            + "registrada.{#is 'failed-delivery'}Envío {id}: entrega fallida registrada.{#is 'redelivery'}Envío {id} "
            + "despachado otra vez.{#is 'return'}Envío {id} devuelto; su stock volvió a la ubicación.{#else}Envío {id} "
            + "actualizado.{/when}")
    String shipmentDone(String event, long id);

    @Message("Fecha de la cita")
    String appointmentDate();

    @Message("{#if count == 1}1 orden de trabajo{#else}{count} órdenes de trabajo{/if}{#if date == today} para hoy "
            + "({date}){#else if date} para el {date}{#else} en todas las fechas{/if}, primero las más tempranas.")
    String workOrderCount(long count, String date, String today);

    @Message("No hay órdenes de trabajo con este filtro.")
    String noWorkOrders();

    @Message("Trabajo")
    String work();

    @Message("Dirección")
    String address();

    @Message("Cita")
    String appointment();

    @Message("{#when type}{#is 'INSTALLATION'}Instalación{#is 'ACTIVATION'}Activación{#else}{type}{/when}")
    String workTypeName(String type);

    @Message("{#when state}{#is 'SCHEDULED'}Programada{#is 'RESCHEDULED'}Reprogramada{#is 'IN_PROGRESS'}En curso"
            + "{#is 'COMPLETED'}Completada{#is 'FAILED'}Fallida{#is 'FAILED_FOR_GOOD'}Fallida definitivamente{#is "
            + "'CANCELLED'}Cancelada{#else}{state}{/when}")
    String workOrderStateName(String state);

    @Message("{#when event}{#is 'start'}Iniciar{#is 'completion'}Completar{#is 'failure'}Registrar falla{#is "
            + "'reschedule'}Reprogramar{#is 'final-failure'}Falla definitiva{#else}{event}{/when}")
    String workOrderEvent(String event);

    @Message("{#when event}{#is 'start'}Orden de trabajo {id} iniciada.{#is 'completion'}Orden de trabajo {id} "
            + "completada.{#is 'failure'}Orden de trabajo {id}: falla registrada; se abrió un ticket de soporte.{#is "
            + "'reschedule'}Orden de trabajo {id} reprogramada.{#is 'final-failure'}Orden de trabajo {id}: falla "
            + "definitiva registrada.{#else}Orden de trabajo {id} actualizada.{/when}")
    String workOrderDone(String event, long id);

    @Message("{#if subject == 'shipment'}El envío{#else}La orden de trabajo{/if} {id} está en estado «{state}»: "
            + "«{action}» no es posible en ese estado. Nada cambió; otra persona pudo haberlo cambiado antes y la "
            + "lista muestra su estado actual.")
    String refusedState(String subject, long id, String action, String state);

    @Message("{#if subject == 'shipment'}El envío {id} no existe{#if location} o no es del almacén {location}{/if}"
            + "{#else}La orden de trabajo {id} no existe{/if}; nada cambió.")
    String refusedNotFound(String subject, long id, String location);

    @Message("No se registró «{action}»; nada cambió. Revisa:")
    String refusedFields(String action);

    @Message("Revisa el filtro:")
    String filterRefused();

    @Message("{#when field}{#is 'recipientName'}Nombre de quien recibe{#is 'signatureReference'}Referencia de la "
            + "firma{#is 'reason'}Motivo{#is 'technician'}Técnico{#is 'lineOrEquipmentId'}Línea o equipo{#is "
            + "'appointmentOn'}Nueva fecha{#is 'slot'}Horario{#is 'event'}Acción{#is 'date'}Fecha de la cita{#is "
            + "'postalCode'}Código postal{#is 'state'}Estado{#is 'location'}Ubicación{#else}{field}{/when}")
    String fieldName(String field);

    @Message("{#when problem}{#is 'required'}falta; esta acción lo necesita{#is 'tooLong'}admite hasta {max} "
            + "caracteres{#is 'notADate'}no es una fecha (AAAA-MM-DD){#is 'notPostalCode'}debe tener 5 dígitos"
            + "{#else}no es válido{/when}")
    String fieldProblem(String problem, int max);
}
