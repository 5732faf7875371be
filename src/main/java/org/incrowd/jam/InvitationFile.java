package org.incrowd.jam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.incrowd.identity.EmailAddress;
import org.incrowd.shared.Refusal;

/**
 * A CSV file of invitations (UTF-8, a header row, columns email, name, participant type, country, unit, job role in
 * any order), read whole before anything is written: every bad line is named with the reason, so the organiser can
 * fix the file or choose to skip those lines.
 */
public record InvitationFile(List<InvitationDraft> good, List<BadLine> bad) {

    /** A line of the file that cannot be imported, and why (a message key). */
    public record BadLine(long line, String value, String problem) {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();

    /** Reads the file; a file that is not a CSV of invitations at all is refused as a whole. */
    static InvitationFile read(InputStream in, String language) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var parser = FORMAT.parse(new InputStreamReader(in, decoder))) {
            var columns = columns(parser.getHeaderNames());
            var good = new ArrayList<InvitationDraft>();
            var bad = new ArrayList<BadLine>();
            var seen = new HashMap<String, Long>();
            for (CSVRecord record : parser) {
                if (good.size() + bad.size() >= InvitationRules.MAX_ROWS) {
                    throw Refusal.invalid("file", "invitation.file.tooMany", InvitationRules.MAX_ROWS);
                }
                long line = parser.getCurrentLineNumber();
                var draft = new InvitationDraft(EmailAddress.normalise(value(record, columns, "email")),
                        InvitationRules.clean(value(record, columns, "name")), null,
                        InvitationRules.country(value(record, columns, "country")),
                        InvitationRules.clean(value(record, columns, "unit")),
                        InvitationRules.clean(value(record, columns, "jobrole")), InvitationRole.PARTICIPANT, null,
                        language);
                String typed = InvitationRules.clean(value(record, columns, "type"));
                var type = InvitationRules.type(typed);
                String problem = InvitationRules.problem(draft);
                if (problem == null && type == null) {
                    problem = "invitation.type.unknown";
                }
                if (problem == null && seen.containsKey(draft.email())) {
                    problem = "invitation.duplicate";
                }
                if (problem != null) {
                    bad.add(new BadLine(line, problem.equals("invitation.type.unknown") ? String.valueOf(typed)
                            : String.valueOf(value(record, columns, "email")), problem));
                } else {
                    seen.put(draft.email(), line);
                    good.add(new InvitationDraft(draft.email(), draft.name(), type, draft.country(), draft.orgUnit(),
                            draft.jobRole(), draft.role(), null, language));
                }
            }
            return new InvitationFile(good, bad);
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("file", "invitation.file.notUtf8");
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw Refusal.invalid("file", "invitation.file.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** Header names as people write them ("E-Mail", "Participant type", "job_role") to the columns they mean. */
    private static Map<String, String> columns(List<String> headers) {
        var columns = new HashMap<String, String>();
        for (String header : headers) {
            String key = header == null ? "" : header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
            switch (key) {
                case "email", "mail", "emailaddress" -> columns.put("email", header);
                case "name", "displayname" -> columns.put("name", header);
                case "participanttype", "type" -> columns.put("type", header);
                case "country" -> columns.put("country", header);
                case "unit", "orgunit", "organisationalunit" -> columns.put("unit", header);
                case "jobrole", "role" -> columns.put("jobrole", header);
                default -> {
                }
            }
        }
        if (!columns.containsKey("email") || !columns.containsKey("type")) {
            throw Refusal.invalid("file", "invitation.file.columns");
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        return header == null || !record.isMapped(header) || !record.isSet(header) ? null : record.get(header);
    }
}
