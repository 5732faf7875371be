package org.incrowd.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.JamService;
import org.incrowd.kiosk.internal.CodeAttempts;
import org.incrowd.kiosk.internal.KioskRows;
import org.incrowd.kiosk.internal.KioskSecrets;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal codes and badge numbers: an organiser issues them for people of a Jam, one line per person (an address of
 * someone with an account, or the name of someone without one, who is then added as a kiosk-only person), and prints
 * the list. Codes are kept as hashes, expire, and sign a person in only on kiosks of their Jam.
 */
@Service
public class KioskCodes {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 365;
    public static final int MAX_LINES = 500;
    private static final int BADGE_MIN = 3;
    private static final int BADGE_MAX = 32;

    private final KioskRows rows;
    private final JamService jams;
    private final IdentityService identity;
    private final Clock clock;
    private final CodeAttempts attempts;

    KioskCodes(KioskRows rows, JamService jams, IdentityService identity, Clock clock, CodeAttempts attempts) {
        this.attempts = attempts;
        this.rows = rows;
        this.jams = jams;
        this.identity = identity;
        this.clock = clock;
    }

    /** Who a code signed in, and with which code. */
    public record CheckedCode(Person person, KioskCode code) {
    }

    /** One line of the issue form: an address or a name, and perhaps a badge number after a semicolon. */
    record Line(int number, String who, String badge) {

        boolean byEmail() {
            return who.contains("@");
        }
    }

    /**
     * Issues a code for each line ("dana@example.org", "Maria, night shift", "Maria, night shift; 40417" records a
     * badge number instead of a generated code), valid for {@code days}. Every line is checked before anything is
     * written: one bad line refuses the whole list, naming the line, and the form keeps what was typed.
     */
    @Transactional
    public List<IssuedCode> issue(Actor actor, long jamId, String lines, Integer days, String language) {
        jams.requireOrganiserOrStaff(actor, jamId);
        int validDays = days == null ? DEFAULT_DAYS : days;
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw Refusal.invalid("days", "kiosk.codes.days.range", MAX_DAYS);
        }
        var parsed = parse(lines);
        var people = new ArrayList<Person>();
        var badges = new HashSet<String>();
        for (var line : parsed) {
            if (line.badge() != null) {
                String badge = KioskSecrets.normalise(line.badge());
                if (!badge.matches("[A-Z0-9]{" + BADGE_MIN + "," + BADGE_MAX + "}")) {
                    throw Refusal.invalid("lines", "kiosk.codes.line.badge", line.number(), BADGE_MIN, BADGE_MAX);
                }
                if (!badges.add(badge) || rows.codesByHash(KioskSecrets.codeHash(badge)).stream()
                        .anyMatch(c -> c.jamId() == jamId && c.revokedAt() == null)) {
                    throw Refusal.invalid("lines", "kiosk.codes.line.badgeTaken", line.number());
                }
            }
            if (line.byEmail()) {
                people.add(identity.findByEmail(line.who()).orElseThrow(() ->
                        Refusal.invalid("lines", "kiosk.codes.line.unknownEmail", line.number(), line.who())));
            } else {
                people.add(null); // a kiosk-only person, added below once every line passed
            }
        }
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(validDays));
        var issued = new ArrayList<IssuedCode>();
        for (int i = 0; i < parsed.size(); i++) {
            var line = parsed.get(i);
            var person = people.get(i) != null ? people.get(i)
                    : identity.registerKioskPerson(actor, line.who(), language);
            jams.admit(actor, jamId, person.id());
            var kind = line.badge() == null ? KioskCode.Kind.CODE : KioskCode.Kind.BADGE;
            String code = line.badge() == null ? newCode(jamId, person.id(), expires, actor, now)
                    : KioskSecrets.normalise(line.badge());
            if (kind == KioskCode.Kind.BADGE) {
                rows.insertCode(jamId, person.id(), KioskSecrets.codeHash(code), kind, expires, actor.personId(), now);
            }
            issued.add(new IssuedCode(person.displayName(), code, kind, expires, people.get(i) == null));
        }
        return issued;
    }

    private String newCode(long jamId, long personId, Instant expires, Actor actor, Instant now) {
        while (true) { // 25^6 codes: a clash with one of the Jam's codes is rare, and then the next try differs
            String code = KioskSecrets.personalCode();
            if (rows.insertCode(jamId, personId, KioskSecrets.codeHash(code), KioskCode.Kind.CODE, expires,
                    actor.personId(), now)) {
                return code;
            }
        }
    }

    static List<Line> parse(String text) {
        var lines = new ArrayList<Line>();
        String[] typed = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < typed.length; i++) {
            String raw = typed[i].strip();
            if (raw.isEmpty()) {
                continue;
            }
            int semicolon = raw.lastIndexOf(';');
            String who = (semicolon < 0 ? raw : raw.substring(0, semicolon)).strip();
            String badge = semicolon < 0 ? null : raw.substring(semicolon + 1).strip();
            if (who.isEmpty()) {
                throw Refusal.invalid("lines", "kiosk.codes.line.noName", i + 1);
            }
            lines.add(new Line(i + 1, who, badge == null || badge.isEmpty() ? null : badge));
        }
        if (lines.isEmpty()) {
            throw Refusal.invalid("lines", "kiosk.codes.lines.required");
        }
        if (lines.size() > MAX_LINES) {
            throw Refusal.invalid("lines", "kiosk.codes.lines.tooMany", MAX_LINES);
        }
        return lines;
    }

    /** The Jam's codes with their people's names, newest first (the codes themselves are not kept). */
    public List<KioskCode> list(Actor actor, long jamId) {
        jams.requireOrganiserOrStaff(actor, jamId);
        var codes = rows.codes(jamId);
        var names = identity.findAll(codes.stream().map(KioskCode::personId).toList());
        return codes.stream().map(c -> new KioskCode(c.id(), c.jamId(), c.personId(),
                names.containsKey(c.personId()) ? names.get(c.personId()).displayName() : "",
                c.kind(), c.expiresAt(), c.createdAt(), c.revokedAt())).toList();
    }

    @Transactional
    public void revoke(Actor actor, long jamId, long codeId) {
        jams.requireOrganiserOrStaff(actor, jamId);
        rows.revokeCode(jamId, codeId, clock.instant());
    }

    /**
     * The person a code typed on this kiosk belongs to. Refused, naming why: no code typed, a code nobody has, one of
     * another Jam (so not for this kiosk), an expired or revoked one.
     */
    public CheckedCode check(KioskDevice device, String typed) {
        if (attempts.blocked(device.id())) {
            throw Refusal.tooMany("kiosk.code.tooMany", CodeAttempts.WINDOW.toMinutes());
        }
        try {
            return checked(device, typed);
        } catch (Refusal wrong) {
            attempts.failed(device.id());
            throw wrong;
        }
    }

    private CheckedCode checked(KioskDevice device, String typed) {
        if (KioskSecrets.normalise(typed).isEmpty()) {
            throw Refusal.invalid("code", "kiosk.code.required");
        }
        var found = rows.codesByHash(KioskSecrets.codeHash(typed));
        var here = found.stream().filter(c -> c.jamId() == device.jamId()).findFirst();
        if (here.isEmpty()) {
            throw Refusal.invalid("code", found.isEmpty() ? "kiosk.code.unknown" : "kiosk.code.otherJam");
        }
        var code = here.get();
        if (code.revokedAt() != null) {
            throw Refusal.invalid("code", "kiosk.code.revoked");
        }
        if (!code.validAt(clock.instant())) {
            throw Refusal.invalid("code", "kiosk.code.expired");
        }
        return new CheckedCode(identity.require(code.personId()), code);
    }
}
