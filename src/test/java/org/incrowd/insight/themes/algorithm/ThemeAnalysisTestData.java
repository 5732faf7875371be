package org.incrowd.insight.themes.algorithm;

import java.util.ArrayList;
import java.util.List;

/** Two obvious topics of ten posts each: bikes, then the canteen. */
public final class ThemeAnalysisTestData {

    public static final List<String> BIKES = List.of(
            "We need safe bike lanes to cycle to the office",
            "More bike racks at the office please, cycling is popular",
            "Bike lanes on the main road would make cycling safer",
            "Showers at the office would help people who cycle to work",
            "A bike repair station near the office entrance",
            "Secure bike parking so bikes are not stolen",
            "Subsidise bikes so more staff cycle to work",
            "Cycling to work is healthy; give us bike lanes",
            "The bike racks are always full, add more bike parking",
            "Cycle to work scheme for new bikes");
    public static final List<String> CANTEEN = List.of(
            "The canteen food is too expensive",
            "More vegetarian food in the canteen",
            "Canteen lunch queues are far too long",
            "Healthy food options in the canteen at lunch",
            "Open the canteen earlier for breakfast food",
            "The canteen should offer vegan lunch food",
            "Cheaper canteen lunch for junior staff",
            "Canteen food portions are small for the price",
            "Fresh fruit in the canteen instead of sweets",
            "Lunch menu in the canteen repeats every week, vary the food");

    private ThemeAnalysisTestData() {}

    /** The bike posts (rows 0-9), then the canteen posts (rows 10-19). */
    public static List<String> bothTopics() {
        var texts = new ArrayList<>(BIKES);
        texts.addAll(CANTEEN);
        return texts;
    }
}
