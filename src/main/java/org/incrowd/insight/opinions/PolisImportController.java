package org.incrowd.insight.opinions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Organisers upload a Pol.is export into a forum and watch the import's progress. */
@Controller
class PolisImportController {

    private final PolisImports imports;
    private final JamService jams;
    private final CurrentActor currentActor;

    PolisImportController(PolisImports imports, JamService jams, CurrentActor currentActor) {
        this.imports = imports;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    @GetMapping("/forums/{forumId}/import/polis")
    String form(@PathVariable long forumId, Model model) {
        return formPage(forumId, model, FieldErrors.none());
    }

    @PostMapping("/forums/{forumId}/import/polis")
    String upload(@PathVariable long forumId,
                  @RequestParam(required = false) MultipartFile comments,
                  @RequestParam(required = false) MultipartFile votes,
                  @RequestParam(required = false) MultipartFile participantsVotes,
                  Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var files = new LinkedHashMap<String, MultipartFile>();
        put(files, PolisImports.COMMENTS, comments);
        put(files, PolisImports.VOTES, votes);
        put(files, PolisImports.PARTICIPANTS_VOTES, participantsVotes);
        try {
            String id = imports.start(actor, forumId, files);
            return "redirect:/forums/" + forumId + "/import/polis/" + id;
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return formPage(forumId, model, refusal.errors());
        }
    }

    @GetMapping("/forums/{forumId}/import/polis/{importId}")
    String progress(@PathVariable long forumId, @PathVariable String importId, Model model,
                    HttpServletRequest request) {
        var progress = imports.progress(currentActor.require(), forumId, importId);
        model.addAttribute("place", jams.requireForum(currentActor.require(), forumId));
        model.addAttribute("progress", progress);
        return request.getHeader("HX-Request") != null ? "insight/polisImportStatus" : "insight/polisImportProgress";
    }

    private String formPage(long forumId, Model model, FieldErrors errors) {
        var actor = currentActor.require();
        var place = jams.requireForum(actor, forumId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        model.addAttribute("place", place);
        model.addAttribute("errors", errors);
        return "insight/polisImport";
    }

    /** The file as it was received (spooled by the server): streamed into the import's folder, never held whole. */
    private static void put(java.util.Map<String, MultipartFile> files, String name, MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            files.put(name, file);
        }
    }
}
