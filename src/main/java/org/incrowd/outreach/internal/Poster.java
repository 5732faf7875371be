package org.incrowd.outreach.internal;

import org.incrowd.jam.Jam;
import org.incrowd.outreach.ShortLink;

/**
 * A printable poster for a short link: the question (the forum's, or the Jam's) in large type, the QR code as SVG,
 * the address written out, and when the Jam runs.
 */
public record Poster(Jam jam, ShortLink link, String title, String question, String url, String qrSvg) {
}
