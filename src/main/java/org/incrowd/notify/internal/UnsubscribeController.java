package org.incrowd.notify.internal;

import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /unsubscribe/<token>}: the link in every notification mail. GET shows a page with one button (mail
 * readers and link scanners open links, so a GET changes nothing); POST switches that kind of mail off, from the
 * button or straight from the mail reader (RFC 8058 one-click: no session, no CSRF token; the token alone authorises
 * exactly this). The page names the kind of mail and nothing about the person.
 */
@Controller
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final Preferences preferences;

    UnsubscribeController(UnsubscribeLinks links, Preferences preferences) {
        this.links = links;
        this.preferences = preferences;
    }

    @GetMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model) {
        return page(model, token, require(token), false);
    }

    @PostMapping("/unsubscribe/{token}")
    @Transactional
    String unsubscribe(@PathVariable String token, Model model) {
        var unsubscribe = require(token);
        unsubscribe.kind().ifPresentOrElse(kind -> preferences.stopMail(unsubscribe.personId(), kind),
                () -> preferences.stopDigest(unsubscribe.personId()));
        return page(model, token, unsubscribe, true);
    }

    private UnsubscribeLinks.Unsubscribe require(String token) {
        return links.read(token).orElseThrow(() -> Refusal.notFound("notify.unsubscribe.invalid"));
    }

    private static String page(Model model, String token, UnsubscribeLinks.Unsubscribe unsubscribe, boolean done) {
        model.addAttribute("token", token);
        model.addAttribute("what", unsubscribe.kind().map(Notification::kindKey)
                .orElse("notify.digest.name"));
        model.addAttribute("done", done);
        return "notify/unsubscribe";
    }
}
