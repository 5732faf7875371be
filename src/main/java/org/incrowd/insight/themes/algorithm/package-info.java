/**
 * The themes algorithm in plain Java. A post's language and that language's analyzer come from the text module
 * ({@link org.incrowd.text.Language}, {@link org.incrowd.text.LanguageDetection}), which search analyses posts with
 * too: one language detection for the whole application.
 */
package org.incrowd.insight.themes.algorithm;
