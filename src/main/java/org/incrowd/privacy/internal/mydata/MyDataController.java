package org.incrowd.privacy.internal.mydata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.privacy.AccountDeletion;
import org.incrowd.privacy.MyData;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.PersonalData.ForgetPolicy;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Your data" and "Delete my account" on the person's profile, and the administrators' choice of what happens to a
 * deleted account's posts (ADR 44).
 */
@Controller
class MyDataController {

    private final MyData myData;
    private final AccountDeletion deletion;
    private final CurrentActor currentActor;
    private final IdentityService identity;
    private final JsonMapper json;
    private final MessageSource messages;

    MyDataController(MyData myData, AccountDeletion deletion, CurrentActor currentActor, IdentityService identity,
                     JsonMapper json, MessageSource messages) {
        this.myData = myData;
        this.deletion = deletion;
        this.currentActor = currentActor;
        this.identity = identity;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.messages = messages;
    }

    /** One JSON document, saved as a file: everything Incrowd holds about the person, a section per module. */
    @GetMapping(value = "/profile/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> json() {
        byte[] body = json.writeValueAsBytes(myData.download(currentActor.require()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("incrowd-my-data.json").build().toString())
                .body(body);
    }

    /** The same document as a readable, printable page; everything in it is escaped like any page. */
    @GetMapping("/profile/data.html")
    String html(Model model) {
        model.addAttribute("data", json.valueToTree(myData.download(currentActor.require())));
        return "privacy/myData";
    }

    @GetMapping("/profile/delete")
    String deleteForm(Model model) {
        return deletePage(model, FieldErrors.none(), "", false);
    }

    @PostMapping("/profile/delete")
    String delete(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String typedAddress,
                  @RequestParam(defaultValue = "false") boolean understood, Model model, HttpServletRequest request,
                  HttpServletResponse response, Locale locale) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            throw Refusal.forbidden("mydata.delete.notWithToken"); // an API token must not end the account it serves
        }
        try {
            deletion.delete(currentActor.require(), new AccountDeletion.Confirmation(password, typedAddress, understood));
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            var errors = refusal.errors().isEmpty() ? FieldErrors.none().add(refusal) : refusal.errors();
            return deletePage(model, errors, typedAddress, understood);
        }
        // The account is gone: end this session now (every other one ends at its next request) and say so to a guest.
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        model.addAttribute("ui", new Ui(messages, locale, () -> "_csrf", () -> "", null, request.getRequestURI(), path -> path));
        return "privacy/myDataDeleted";
    }

    private String deletePage(Model model, FieldErrors errors, String typedAddress, boolean understood) {
        long personId = currentActor.require().personId();
        model.addAttribute("errors", errors);
        model.addAttribute("withPassword", identity.signsInWithPassword(personId));
        model.addAttribute("typedAddress", typedAddress);
        model.addAttribute("understood", understood);
        model.addAttribute("policy", deletion.policy());
        return "privacy/myDataDelete";
    }

    @GetMapping("/admin/privacy/deletion")
    String policy(@RequestParam(required = false) String saved, Model model) {
        if (!currentActor.require().isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        model.addAttribute("policy", deletion.policy());
        model.addAttribute("saved", saved != null);
        return "privacy/myDataPolicy";
    }

    @PostMapping("/admin/privacy/deletion")
    String choosePolicy(@RequestParam(defaultValue = "") String policy) {
        var chosen = java.util.Arrays.stream(ForgetPolicy.values()).filter(p -> p.name().equals(policy)).findFirst()
                .orElseThrow(() -> Refusal.invalid("policy", "mydata.policy.unknown"));
        deletion.choosePolicy(currentActor.require(), chosen);
        return "redirect:/admin/privacy/deletion?saved";
    }
}
