package pe.telco.orders.events.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A registered listener as TMF622's Hub, with its signing secret: shown in this answer only. */
public record HubResponse(String id, String href, String callback, String query, String secret,
        @JsonProperty("@type") String type) {

    static HubResponse from(HubService.Registered r) {
        return new HubResponse(r.id(), HubResource.PATH + "/" + r.id(), r.callback(), r.query(), r.secret(), "Hub");
    }
}
