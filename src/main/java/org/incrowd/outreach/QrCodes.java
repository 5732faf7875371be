package org.incrowd.outreach;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * QR codes as SVG: zxing encodes the text into a {@link BitMatrix} of one bit per module (quiet zone included), and
 * each row's runs of dark modules become one path, so the code prints sharply at any size and needs no image
 * library. Error correction M (15 %): a poster may get a crease or a drawing pin.
 */
public final class QrCodes {

    /** The white border scanners need around the code, in modules (the standard asks for four). */
    static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** One bit per module, quiet zone included. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as a QR code: " + text, e);
        }
    }

    /**
     * The matrix as an SVG image, one unit per module; {@code label} names it for screen readers (it is escaped).
     * Without a width of its own it fills the box CSS gives it.
     */
    public static String svg(BitMatrix matrix, String label) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        var path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < width && matrix.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(',').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        String name = escape(label);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + name + "\" class=\"qr\"><title>"
                + name + "</title><rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
