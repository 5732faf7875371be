package org.incrowd.shared;

/**
 * A setting Incrowd cannot run with, found while it starts. The start stops with a short report that names the
 * setting and says what is wrong ({@link SettingRejectedAnalyzer}), instead of a page of Spring's causes.
 */
public class SettingRejected extends IllegalArgumentException {

    private final String setting;

    /** {@code problem} goes on from the setting's name: "must be between 4 and 31, not 3". */
    public SettingRejected(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    /** The setting's name, as written in application.properties or after {@code --} on the command line. */
    public String setting() {
        return setting;
    }
}
