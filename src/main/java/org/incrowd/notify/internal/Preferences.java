package org.incrowd.notify.internal;

import java.util.EnumMap;
import java.util.Map;
import org.incrowd.notify.NotificationKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code notification_preference} table: only the choices that differ from {@link Preference#byDefault}. */
@Repository
public class Preferences {

    private final JdbcTemplate jdbc;

    Preferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind's preference of this person, defaults filled in, in the order of {@link NotificationKind}. */
    public Map<NotificationKind, Preference> of(long personId) {
        var all = new EnumMap<NotificationKind, Preference>(NotificationKind.class);
        for (var kind : NotificationKind.values()) {
            all.put(kind, Preference.byDefault(kind));
        }
        jdbc.query("select kind, in_app, mail_timing from notification_preference where person_id = ?", rs -> {
            try {
                all.put(NotificationKind.valueOf(rs.getString(1)), new Preference(rs.getBoolean(2),
                        MailTiming.ofColumn(rs.getString(3)).orElse(MailTiming.OFF)));
            } catch (IllegalArgumentException retiredKind) {
                // a kind no longer told about: nothing to show
            }
        }, personId);
        all.replaceAll((kind, preference) -> Preference.alwaysInTheBell(kind) && !preference.inApp()
                ? new Preference(true, preference.mail()) : preference);
        return all;
    }

    /** Stores the choices; one equal to the default is stored as no row, so later default changes reach it. */
    public void save(long personId, Map<NotificationKind, Preference> chosen) {
        chosen.forEach((kind, preference) -> {
            if (preference.equals(Preference.byDefault(kind))) {
                jdbc.update("delete from notification_preference where person_id = ? and kind = ?", personId,
                        kind.name());
            } else {
                jdbc.update("""
                        merge into notification_preference p
                        using (select cast(? as bigint) as person_id, cast(? as varchar(40)) as kind,
                                      cast(? as boolean) as in_app, cast(? as varchar(10)) as mail_timing) c
                        on p.person_id = c.person_id and p.kind = c.kind
                        when matched then update set in_app = c.in_app, mail_timing = c.mail_timing
                        when not matched then insert (person_id, kind, in_app, mail_timing)
                        values (c.person_id, c.kind, c.in_app, c.mail_timing)""",
                        personId, kind.name(), preference.inApp(), preference.mail().column());
            }
        });
    }

    /** No more mail of this kind (what an unsubscribe link does); the bell stays as it was. */
    public void stopMail(long personId, NotificationKind kind) {
        var current = of(personId).get(kind);
        save(personId, Map.of(kind, new Preference(current.inApp(), MailTiming.OFF)));
    }

    /** No more daily digest: every kind gathered in it is mailed no more. */
    public void stopDigest(long personId) {
        var changed = new EnumMap<NotificationKind, Preference>(NotificationKind.class);
        of(personId).forEach((kind, preference) -> {
            if (preference.mail() == MailTiming.DAILY) {
                changed.put(kind, new Preference(preference.inApp(), MailTiming.OFF));
            }
        });
        save(personId, changed);
    }
}
