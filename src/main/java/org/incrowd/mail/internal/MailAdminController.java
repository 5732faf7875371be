package org.incrowd.mail.internal;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/mail}, for administrators: the mail log of the outbox (what was sent, bounced, failed, is waiting)
 * and, where Incrowd runs its own SMTP server, every message that server received, readable in full.
 */
@Controller
class MailAdminController {

    static final int PAGE_SIZE = 50;
    /**
     * A received mail's HTML is shown in a frame as a document of its own, with no rights: no script, no form, no
     * same-origin access, nothing loaded from outside; only its links open, in a new tab.
     */
    static final String MAIL_BODY_POLICY = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    private final MailLog log;
    private final ObjectProvider<EmbeddedMailServer> embedded;

    MailAdminController(MailLog log, ObjectProvider<EmbeddedMailServer> embedded) {
        this.log = log;
        this.embedded = embedded;
    }

    @GetMapping("/admin/mail")
    String mail(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long before, @RequestParam(defaultValue = "0") int received,
                Model model) {
        requireAdministrator();
        String chosenState = state == null || state.isBlank() ? null : state.strip().toLowerCase();
        if (chosenState != null && !MailLog.STATES.contains(chosenState)) {
            throw Refusal.badRequest("state", "mail.admin.unknownState", String.join(", ", MailLog.STATES));
        }
        String recipient = q == null || q.isBlank() ? null : q.strip();
        var entries = log.page(chosenState, recipient, before, PAGE_SIZE + 1);
        model.addAttribute("counts", log.counts());
        model.addAttribute("state", chosenState);
        model.addAttribute("q", recipient == null ? "" : recipient);
        model.addAttribute("entries", entries.subList(0, Math.min(PAGE_SIZE, entries.size())));
        model.addAttribute("older", entries.size() > PAGE_SIZE ? entries.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("embedded", embedded.getIfAvailable() != null);
        model.addAttribute("received", newestFirst(Math.max(received, 0)));
        model.addAttribute("receivedFrom", Math.max(received, 0));
        model.addAttribute("receivedTotal", receivedMessages().size());
        return "mail/admin";
    }

    @GetMapping("/admin/mail/received/{number}")
    String received(@PathVariable int number, Model model) {
        requireAdministrator();
        model.addAttribute("mail", receivedMail(number));
        return "mail/received";
    }

    @GetMapping("/admin/mail/received/{number}/html")
    ResponseEntity<String> receivedHtml(@PathVariable int number) {
        requireAdministrator();
        ReceivedMail mail = receivedMail(number);
        if (mail.html() == null) {
            throw Refusal.notFound("mail.admin.noHtml");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_BODY_POLICY)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(linksInNewTab(mail.html()));
    }

    /** Links of a framed mail open in a tab of their own (the application's pages refuse to be framed). */
    static String linksInNewTab(String html) {
        String base = "<base target=\"_blank\">";
        int head = html.toLowerCase().indexOf("<head>");
        return head < 0 ? base + html : html.substring(0, head + 6) + base + html.substring(head + 6);
    }

    private List<ReceivedMail> newestFirst(int from) {
        var messages = receivedMessages();
        var page = new java.util.ArrayList<ReceivedMail>();
        for (int i = messages.size() - 1 - from; i >= 0 && page.size() < PAGE_SIZE; i--) {
            page.add(ReceivedMail.of(i + 1, messages.get(i)));
        }
        return page;
    }

    private ReceivedMail receivedMail(int number) {
        var messages = receivedMessages();
        if (number < 1 || number > messages.size()) {
            throw Refusal.notFound("mail.admin.noSuchMessage");
        }
        return ReceivedMail.of(number, messages.get(number - 1));
    }

    private List<MimeMessage> receivedMessages() {
        var server = embedded.getIfAvailable();
        return server == null ? List.of() : server.received();
    }

    private static void requireAdministrator() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Viewer viewer)
                || !viewer.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
    }
}
