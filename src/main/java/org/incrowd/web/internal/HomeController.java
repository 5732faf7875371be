package org.incrowd.web.internal;

import java.util.Comparator;
import java.util.List;
import org.incrowd.web.HomeSection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a greeting and whatever the modules contribute (current Jams, for one). */
@Controller
class HomeController {

    private final List<HomeSection> sections;

    HomeController(List<HomeSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("sections", sections);
        return "web/home";
    }
}
