package org.incrowd.report;

import org.incrowd.identity.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The open-data page of a Jam, its zip download, and the organiser's publish switch. */
@Controller
class OpenDataController {

    private final OpenData openData;
    private final CurrentActor currentActor;

    OpenDataController(OpenData openData, CurrentActor currentActor) {
        this.openData = openData;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/open-data")
    String page(@PathVariable long jamId, @RequestParam(required = false) Long forum,
                @RequestParam(required = false) String mode, Model model) {
        model.addAttribute("page", openData.page(currentActor.currentOrGuest(), jamId, forum, mode));
        return "report/opendata";
    }

    /** Checked before the first byte; then streamed straight from the database into the response. */
    @GetMapping("/jams/{jamId}/open-data.zip")
    ResponseEntity<StreamingResponseBody> zip(@PathVariable long jamId, @RequestParam(required = false) Long forum,
                                              @RequestParam(required = false) String mode) {
        var scope = openData.requireExport(currentActor.currentOrGuest(), jamId, forum, mode);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(scope.fileName("zip")).build().toString())
                .body(out -> openData.writeZip(scope, out));
    }

    @PostMapping("/jams/{jamId}/open-data/publication")
    String publish(@PathVariable long jamId, @RequestParam(defaultValue = "false") boolean published,
                   @RequestParam(required = false) String mode) {
        openData.publish(currentActor.require(), jamId, published, mode);
        return "redirect:/jams/" + jamId + "/open-data";
    }
}
