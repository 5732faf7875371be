package org.incrowd.outreach.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.outreach.QrCodes;
import org.incrowd.outreach.ShortLink;
import org.incrowd.outreach.ShortLinks;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Short links: the organisers' page of a Jam's links, the posters, and {@code /s/{key}} itself with its QR code,
 * which anyone may follow (security lets guests through; the Jam's own pages then decide who reads).
 */
@Controller
class ShortLinkController {

    private final ShortLinks links;
    private final JamService jams;
    private final CurrentActor currentActor;
    private final PublicUrl publicUrl;
    private final PosterPdf pdf;

    ShortLinkController(ShortLinks links, JamService jams, CurrentActor currentActor, PublicUrl publicUrl,
                        PosterPdf pdf) {
        this.links = links;
        this.jams = jams;
        this.currentActor = currentActor;
        this.publicUrl = publicUrl;
        this.pdf = pdf;
    }

    @GetMapping("/s/{key}")
    String follow(@PathVariable String key, Model model, HttpServletResponse response) {
        var visit = links.follow(key);
        if (visit.isPresent() && visit.get() instanceof ShortLinks.Visit.Leads(ShortLink link)) {
            return "redirect:" + publicUrl.of(link.target());
        }
        return missing(visit.isPresent(), model, response);
    }

    /** The QR code of the link's full address, as SVG; anyone holding the link may have it. */
    @GetMapping("/s/{key}/qr.svg")
    ResponseEntity<String> qr(@PathVariable String key) {
        var link = links.find(key).orElse(null);
        if (link == null || link.revoked()) {
            return ResponseEntity.status(link == null ? 404 : 410).contentType(MediaType.TEXT_PLAIN)
                    .body(link == null ? "No such link" : "This link was withdrawn");
        }
        String url = publicUrl.absolute(link.path());
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noCache())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"qr-" + link.key() + ".svg\"")
                .body(QrCodes.svg(QrCodes.matrix(url), url));
    }

    /** {@code ?created} or {@code ?revoked}: the page says what was just done. */
    @GetMapping("/jams/{jamId}/links")
    String list(@PathVariable long jamId, @RequestParam java.util.Map<String, String> query, Model model) {
        String done = query.containsKey("created") ? "outreach.links.created"
                : query.containsKey("revoked") ? "outreach.links.revoked" : null;
        return page(model, currentActor.require(), jamId, "", null, FieldErrors.none(), done);
    }

    @PostMapping("/jams/{jamId}/links")
    String create(@PathVariable long jamId, @RequestParam(defaultValue = "") String slug,
                  @RequestParam(required = false) Long forumId, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            var link = links.create(actor, jamId, forumId, slug);
            return "redirect:/jams/" + jamId + "/links?created#link-" + link.id();
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return page(model, actor, jamId, slug, forumId, refusal.errors(), null);
        }
    }

    @PostMapping("/jams/{jamId}/links/{key}/revoke")
    String revoke(@PathVariable long jamId, @PathVariable String key) {
        links.revoke(currentActor.require(), jamId, key);
        return "redirect:/jams/" + jamId + "/links?revoked";
    }

    /** The poster to print (A4): the page's own print styles leave only the poster on paper. */
    @GetMapping("/jams/{jamId}/links/{key}/poster")
    String poster(@PathVariable long jamId, @PathVariable String key, Model model) {
        model.addAttribute("poster", poster(currentActor.require(), jamId, key));
        return "outreach/poster";
    }

    @GetMapping("/jams/{jamId}/links/{key}/poster.pdf")
    ResponseEntity<byte[]> posterPdf(@PathVariable long jamId, @PathVariable String key, Model model) {
        var poster = poster(currentActor.require(), jamId, key);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"poster-" + poster.link().key()
                        + ".pdf\"")
                .body(pdf.render(poster, (Ui) model.getAttribute("ui")));
    }

    private Poster poster(Actor actor, long jamId, String key) {
        var link = links.require(actor, jamId, key);
        if (link.revoked()) {
            throw Refusal.conflict("outreach.link.withdrawnNoPoster");
        }
        var jam = jams.require(actor, jamId);
        var forum = link.forumId() == null ? null : jams.findForum(link.forumId()).orElse(null);
        String title = forum == null ? jam.title() : forum.title();
        String question = forum == null ? jam.question() : forum.question();
        String url = publicUrl.absolute(link.path());
        return new Poster(jam, link, title, question == null || question.isBlank() ? title : question, url,
                QrCodes.svg(QrCodes.matrix(url), url));
    }

    private String page(Model model, Actor actor, long jamId, String slug, Long forumId, FieldErrors errors,
                        String doneKey) {
        var jam = jams.requireOrganiserOrStaff(actor, jamId);
        model.addAttribute("page", new LinksPage(jam, jams.forums(actor, jamId), links.ofJam(actor, jamId), slug,
                forumId, errors, publicUrl.absolute(""), doneKey));
        return "outreach/links";
    }

    /** An unknown link (404) or a withdrawn one (410): a page that says which, for guests too. */
    private static String missing(boolean withdrawn, Model model, HttpServletResponse response) {
        response.setStatus(withdrawn ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("withdrawn", withdrawn);
        return "outreach/missing";
    }
}
