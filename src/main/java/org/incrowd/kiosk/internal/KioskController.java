package org.incrowd.kiosk.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.KioskSession;
import org.incrowd.identity.KioskSessions;
import org.incrowd.jam.Forum;
import org.incrowd.jam.JamService;
import org.incrowd.kiosk.KioskActs;
import org.incrowd.kiosk.KioskCodes;
import org.incrowd.kiosk.KioskDevice;
import org.incrowd.kiosk.Kiosks;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The kiosk itself ({@code /kiosk/...}): enrolment of the device, the screen, signing in with a code, the acts that
 * sign the person out again, and the offline acts a kiosk sends when it is back online. Works without JavaScript;
 * {@code /js/kiosk.js} adds the idle countdown and the offline outbox.
 */
@Controller
class KioskController {

    static final String COOKIE = "incrowd-kiosk";
    /** Browsers keep a cookie 400 days at most; a kiosk is enrolled again after that. */
    private static final Duration COOKIE_AGE = Duration.ofDays(400);

    private final Kiosks kiosks;
    private final KioskCodes codes;
    private final KioskActs acts;
    private final KioskSessions sessions;
    private final CurrentActor currentActor;
    private final JamService jams;
    private final Reading reading;
    private final IdentityService identity;
    private final Duration idle;
    private final org.incrowd.jam.IdentityModes modes;

    KioskController(Kiosks kiosks, KioskCodes codes, KioskActs acts, KioskSessions sessions,
                    CurrentActor currentActor, JamService jams, Reading reading, IdentityService identity,
                    @Value("${incrowd.kiosk.idle-seconds:60}") long idleSeconds,
                    org.incrowd.jam.IdentityModes modes) {
        this.modes = modes;
        this.kiosks = kiosks;
        this.codes = codes;
        this.acts = acts;
        this.sessions = sessions;
        this.currentActor = currentActor;
        this.jams = jams;
        this.reading = reading;
        this.identity = identity;
        this.idle = Duration.ofSeconds(idleSeconds);
    }

    @GetMapping("/kiosk")
    String start() {
        return "redirect:/kiosk/screen";
    }

    @GetMapping("/kiosk/enrol/{token}")
    String enrolForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("failed", false);
        return "kiosk/enrol";
    }

    /** The device that opens the link becomes the kiosk (a POST: a link scanner's GET binds nothing). */
    @PostMapping("/kiosk/enrol/{token}")
    String enrol(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        var secret = kiosks.enrol(token);
        if (secret.isEmpty()) {
            model.addAttribute("token", token);
            model.addAttribute("failed", true);
            response.setStatus(HttpStatus.GONE.value());
            return "kiosk/enrol";
        }
        sessions.signOut(request);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, secret.get()).httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").path("/kiosk").maxAge(COOKIE_AGE).build().toString());
        return "redirect:/kiosk/screen";
    }

    @GetMapping("/kiosk/screen")
    String screen(@CookieValue(name = COOKIE, required = false) String secret,
                  @RequestParam(required = false) Long forum, @RequestParam(defaultValue = "0") int idea,
                  Model model, HttpServletResponse response) {
        var device = kiosks.device(secret);
        if (device.isEmpty()) {
            return notAKiosk(response);
        }
        return render(device.get(), forum, idea, session(device.get()), null, null, "", "", "", model, response);
    }

    @PostMapping("/kiosk/signin")
    String signIn(@CookieValue(name = COOKIE, required = false) String secret, @RequestParam(required = false) String code,
                  @RequestParam(required = false) Long forum, @RequestParam(defaultValue = "0") int idea,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        var device = kiosks.device(secret);
        if (device.isEmpty()) {
            return notAKiosk(response);
        }
        try {
            var checked = codes.check(device.get(), code);
            var session = sessions.signIn(checked.person(), device.get().jamId(), device.get().id(), idle, request,
                    response);
            return render(device.get(), forum, idea, session, null, null, "", "", "", model, response);
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return render(device.get(), forum, idea, null, refusal, null, code, "", "", model, response);
        }
    }

    @PostMapping("/kiosk/ideas")
    String idea(@CookieValue(name = COOKIE, required = false) String secret, @RequestParam long forum,
                @RequestParam(required = false) String clientId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String body, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return act(secret, forum, 0, clientId, title, body, request, response, model,
                (device, session) -> acts.idea(device, currentActor.require(), forum, clientId, title, body));
    }

    @PostMapping("/kiosk/reactions")
    String react(@CookieValue(name = COOKIE, required = false) String secret, @RequestParam(required = false) Long forum,
                 @RequestParam long post, @RequestParam(required = false) ReactionKind kind,
                 @RequestParam(defaultValue = "0") int idea, @RequestParam(required = false) String clientId,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(secret, forum, idea, clientId, "", "", request, response, model,
                (device, session) -> acts.react(device, currentActor.require(), post, kind, clientId));
    }

    interface Act {
        KioskActs.Done run(KioskDevice device, KioskSession session);
    }

    /**
     * Does one act as the signed-in person and signs them out, thanking them by name; an act this kiosk sent before
     * is thanked for again, not done twice. Without a session (idle too long) the form comes back as typed.
     */
    private String act(String secret, Long forum, int idea, String clientId, String title, String body,
                       HttpServletRequest request, HttpServletResponse response, Model model, Act act) {
        var device = kiosks.device(secret);
        if (device.isEmpty()) {
            return notAKiosk(response);
        }
        if (acts.earlier(device.get(), clientId).isPresent()) {
            return render(device.get(), forum, idea, null, null, "", "", "", "", model, response);
        }
        var session = session(device.get());
        if (session == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return render(device.get(), forum, idea, null, Refusal.forbidden("kiosk.signedOut"), null, "", title,
                    body, model, response);
        }
        try {
            act.run(device.get(), session);
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return render(device.get(), forum, idea, session, refusal, null, "", title, body, model, response);
        }
        sessions.signOut(request);
        return render(device.get(), forum, idea, null, null, session.displayName(), "", "", "", model, response);
    }

    /** The countdown ran out, or the person is done: the next one starts from the code. */
    @PostMapping("/kiosk/signout")
    String signOut(@RequestParam(required = false) Long forum, HttpServletRequest request) {
        if (sessions.current().isPresent()) {
            sessions.signOut(request); // only a kiosk session: someone signed in normally stays signed in
        }
        return "redirect:/kiosk/screen" + (forum == null ? "" : "?forum=" + forum);
    }

    /** Someone is still typing: the session stays (the boundary counts this request as activity). */
    @GetMapping("/kiosk/alive")
    ResponseEntity<Void> alive() {
        return ResponseEntity.status(sessions.current().isPresent() ? HttpStatus.NO_CONTENT : HttpStatus.FORBIDDEN)
                .build();
    }

    /** An act written while the kiosk was offline, sent now with the code that was typed for it. */
    record OfflineAct(String clientId, String code, Long forumId, String title, String body, Long postId,
                      ReactionKind kind) {
    }

    /**
     * Acts written offline: the code is checked now, as it reaches the server; the act is the code's person's, done
     * now. Answered per act: done (also when it was sent before), or refused with the reason in the kiosk's
     * language, so the screen can show it and keep the text for the person.
     */
    @PostMapping("/kiosk/acts")
    @ResponseBody
    ResponseEntity<?> offline(@CookieValue(name = COOKIE, required = false) String secret,
                              @RequestBody OfflineAct act, Model model) {
        var device = kiosks.device(secret);
        var ui = (Ui) model.getAttribute("ui");
        if (device.isEmpty()) {
            return problem(HttpStatus.FORBIDDEN, ui.t("kiosk.notAKiosk"));
        }
        try {
            var earlier = acts.earlier(device.get(), act.clientId());
            if (earlier.isPresent()) {
                return ResponseEntity.ok(Map.of("status", "done", "postId", earlier.get().postId(), "repeated", true));
            }
            var person = codes.check(device.get(), act.code()).person();
            var done = act.postId() != null
                    ? acts.react(device.get(), person.asActor(), act.postId(), act.kind(), act.clientId())
                    : acts.idea(device.get(), person.asActor(), act.forumId() == null ? 0 : act.forumId(),
                            act.clientId(), act.title(), act.body());
            return ResponseEntity.ok(Map.of("status", "done", "postId", done.postId(), "repeated", done.repeated(),
                    "name", person.displayName()));
        } catch (Refusal refusal) {
            String field = refusal.field();
            String detail = ui.t(refusal.messageKey(), refusal.arguments());
            if (field != null && refusal.errors().has(field)) {
                detail = ui.t(refusal.errors().keyFor(field), refusal.errors().argumentsFor(field));
            }
            return problem(refusal.status(), detail);
        }
    }

    /** A refused offline act as RFC 9457 problem JSON; the kiosk shows {@code detail} beside the kept text. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private KioskSession session(KioskDevice device) {
        return sessions.current().filter(s -> s.deviceId() == device.id() && s.jamId() == device.jamId())
                .orElse(null);
    }

    private String notAKiosk(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "kiosk/notAKiosk";
    }

    private String render(KioskDevice device, Long forumId, int ideaIndex, KioskSession session, Refusal refusal,
                          String thanks, String code, String title, String body, Model model,
                          HttpServletResponse response) {
        // The device shows what its organiser set it up to show; a signed-in person reads as themselves.
        var reader = session != null ? currentActor.require() : identity.require(device.createdBy()).asActor();
        var jam = jams.require(reader, device.jamId());
        List<Forum> forums = jams.forums(reader, device.jamId());
        Forum forum = forums.stream().filter(f -> forumId != null && f.id() == forumId).findFirst()
                .orElse(forums.isEmpty() ? null : forums.getFirst());
        List<Post> ideas = forum == null ? List.of() : reading.ideas(reader, forum.id(), 0).ideas().stream()
                .filter(p -> !p.moderation().hidden()).toList();
        int index = ideas.isEmpty() ? 0 : Math.floorMod(ideaIndex, ideas.size());
        String message = refusal == null ? null
                : refusal.field() != null && refusal.errors().has(refusal.field())
                ? refusal.errors().keyFor(refusal.field()) : refusal.messageKey();
        Object[] args = refusal == null ? new Object[0]
                : refusal.field() != null && refusal.errors().has(refusal.field())
                ? refusal.errors().argumentsFor(refusal.field()) : refusal.arguments();
        if (session == null) {
            // Only the signed-out screen may be kept by the kiosk's service worker for offline use.
            response.setHeader("X-Kiosk-State", "signed-out");
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // Who writes here reads how authors appear (ADR 42): the mode only, never their pseudonym, since a shared
        // screen that greets them by name must not show a bystander which pseudonym is theirs.
        model.addAttribute("authorNotice", forum == null ? null
                : modes.noticeFor(org.incrowd.identity.Actor.GUEST, forum.id()));
        model.addAttribute("page", new KioskScreen(device, jam, forums, forum,
                ideas.isEmpty() ? null : ideas.get(index), index, ideas.size(), session, message, args, thanks,
                code == null ? "" : code, title == null ? "" : title, body == null ? "" : body,
                UUID.randomUUID().toString(), idle.toSeconds()));
        return "kiosk/screen";
    }
}
