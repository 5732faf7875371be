package org.incrowd.review.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamPageSection;
import org.incrowd.review.ReviewAccess;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/** The Jam home's way to the review queue, shown only to organisers and assigned reviewers. */
@Component
class QueueJamSection implements JamPageSection {

    private final ReviewAccess access;
    private final TemplateEngine templates;

    QueueJamSection(ReviewAccess access, TemplateEngine templates) {
        this.access = access;
        this.templates = templates;
    }

    @Override
    public String name() {
        return "review-queue";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public Content render(Jam jam, Actor viewer, Ui ui) {
        if (viewer == null || !access.mayReview(viewer, jam.id())) {
            return output -> { };
        }
        return output -> templates.render("review/queueSection.jte", Map.of("ui", ui, "jam", jam), output);
    }
}
