package org.incrowd.help;

/** Where a question stands: waiting for its first answer, answered, or solved by an answer its asker marked. */
public enum QuestionStatus {
    OPEN, ANSWERED, SOLVED;

    public String messageKey() {
        return "help.status." + name();
    }
}
