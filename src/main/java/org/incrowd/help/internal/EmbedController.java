package org.incrowd.help.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.Framing;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A stream outside Incrowd: a compact page the organisation's website shows in a frame (only the sites on the
 * stream's allow-list may), and an Atom feed. Both for whoever may read the stream, guests where it is open to them.
 */
@Controller
class EmbedController {

    static final int LINES = 30;

    private final StreamOutside stream;
    private final EmbedOrigins origins;
    private final CurrentActor currentActor;

    EmbedController(StreamOutside stream, EmbedOrigins origins, CurrentActor currentActor) {
        this.stream = stream;
        this.origins = origins;
        this.currentActor = currentActor;
    }

    @GetMapping("/help/{jamId}/embed")
    String embed(@PathVariable long jamId, HttpServletRequest request, Model model) {
        var page = stream.latest(currentActor.currentOrGuest(), jamId, LINES, false);
        Framing.allow(request, origins.of(jamId));
        model.addAttribute("page", page);
        return "help/embed";
    }

    @GetMapping("/help/{jamId}/feed.atom")
    ResponseEntity<String> feed(@PathVariable long jamId) {
        var page = stream.latest(currentActor.currentOrGuest(), jamId, LINES, true);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(stream.atom(page));
    }
}
