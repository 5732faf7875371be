package org.incrowd.recognition.internal;

import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.recognition.Prizes;
import org.incrowd.recognition.Recognition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A Jam's givers and prizes for programs, with the page's authorisation (404 while the page is switched off). */
@RestController
class GiversApiController {

    record GiversView(long jamId, List<Recognition.Giver> givers, List<Prizes.Prize> prizes) {
    }

    private final Recognition recognition;
    private final Prizes prizes;
    private final CurrentActor currentActor;

    GiversApiController(Recognition recognition, Prizes prizes, CurrentActor currentActor) {
        this.recognition = recognition;
        this.prizes = prizes;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/jams/{jamId}/givers")
    GiversView givers(@PathVariable long jamId) {
        var givers = recognition.givers(currentActor.require(), jamId);
        return new GiversView(jamId, givers, prizes.prizes(jamId));
    }
}
