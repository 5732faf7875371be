package org.incrowd.report;

import io.swagger.v3.oas.annotations.Operation;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Open data for programs: the export as one streamed JSON document, and the publish switch. */
@RestController
@RequestMapping("/api/v1")
class OpenDataApiController {

    /** The publish switch: {@code mode} is pseudonymised (the default) or removed. */
    record PublicationRequest(Boolean published, String mode) {
    }

    /** Whether the export is published, in which mode, and when; mode and publishedAt are null when it is not. */
    record PublicationView(boolean published, String mode, String publishedAt) {
    }

    private final OpenData openData;
    private final CurrentActor currentActor;

    OpenDataApiController(OpenData openData, CurrentActor currentActor) {
        this.openData = openData;
        this.currentActor = currentActor;
    }

    @Operation(summary = "A Jam's or forum's open data (posts, reactions, participants, themes, opinion groups) as "
            + "one streamed JSON document")
    @GetMapping("/jams/{jamId}/open-data")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long jamId,
                                                 @RequestParam(defaultValue = "json") String format,
                                                 @RequestParam(required = false) Long forum,
                                                 @RequestParam(required = false) String mode) {
        if (!"json".equals(format)) {
            throw Refusal.badRequest("format", "openData.format.unknown", format);
        }
        var scope = openData.requireExport(currentActor.currentOrGuest(), jamId, forum, mode);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(out -> openData.writeJson(scope, out));
    }

    @Operation(summary = "Whether the Jam's open data is published")
    @GetMapping("/jams/{jamId}/open-data/publication")
    PublicationView publication(@PathVariable long jamId) {
        return view(openData.publication(currentActor.currentOrGuest(), jamId));
    }

    @Operation(summary = "Publish the Jam's open data in a mode, or withdraw it (organisers)")
    @PutMapping("/jams/{jamId}/open-data/publication")
    PublicationView publish(@PathVariable long jamId, @RequestBody PublicationRequest request) {
        if (request == null || request.published() == null) {
            throw Refusal.badRequest("published", "openData.published.missing");
        }
        return view(openData.publish(currentActor.require(), jamId, request.published(), request.mode()));
    }

    private static PublicationView view(java.util.Optional<OpenDataPublication> publication) {
        return publication.map(p -> new PublicationView(true, p.mode().key(), p.publishedAt().toString()))
                .orElse(new PublicationView(false, null, null));
    }
}
