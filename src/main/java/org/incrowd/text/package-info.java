/**
 * Text analysis that search and the themes of the Jam Pulse share: which language a post is written in ({@link
 * org.incrowd.text.LanguageDetection}) and that language's Lucene analyzer ({@link org.incrowd.text.Language}), so
 * that a post is read the same way wherever it is analysed. Plain Java, free of Spring and of the database, and
 * depending on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text analysis",
        allowedDependencies = {}) // none: plain Java text analysis that search and insight share
package org.incrowd.text;
