/**
 * The themes algorithm in plain Java. Named as an interface of the insight module because its language pieces
 * ({@link org.incrowd.insight.themes.algorithm.Language}, {@link org.incrowd.insight.themes.algorithm.LanguageDetection})
 * are also what search analyses posts with: one language detection for the whole application.
 */
@org.springframework.modulith.NamedInterface("text-analysis")
package org.incrowd.insight.themes.algorithm;
