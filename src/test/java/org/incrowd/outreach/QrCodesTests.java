package org.incrowd.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG a poster prints is a QR code a phone reads back as the link's full address. */
class QrCodesTests {

    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    /**
     * Reads an SVG of {@link QrCodes#svg} as a scanner would see it printed: each module drawn 6 × 6 pixels into an
     * image (made here, in the test only), then decoded by zxing's own reader.
     */
    static String decode(String svg) throws Exception {
        var box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).as("SVG with a viewBox").isTrue();
        int width = Integer.parseInt(box.group(1));
        int height = Integer.parseInt(box.group(2));
        int scale = 6;
        var image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        var paint = image.createGraphics();
        paint.setColor(java.awt.Color.WHITE);
        paint.fillRect(0, 0, image.getWidth(), image.getHeight());
        paint.setColor(java.awt.Color.BLACK);
        var runs = RUN.matcher(svg);
        while (runs.find()) {
            paint.fillRect(Integer.parseInt(runs.group(1)) * scale, Integer.parseInt(runs.group(2)) * scale,
                    Integer.parseInt(runs.group(3)) * scale, scale);
        }
        paint.dispose();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @Test
    void theSvgDecodesBackToTheAddress() throws Exception {
        for (String url : new String[] {"https://jams.example.org/s/town-hall", "http://localhost:8080/s/7kq2mxe9",
                "https://ideas.example.com/incrowd/s/" + "depot-night-shift-four-suggestions-2026"}) {
            assertThat(decode(QrCodes.svg(QrCodes.matrix(url), url))).isEqualTo(url);
        }
    }

    @Test
    void theSvgKeepsTheQuietZoneAndNamesItselfForScreenReaders() {
        String url = "https://jams.example.org/s/town-hall";
        var matrix = QrCodes.matrix(url);
        String svg = QrCodes.svg(matrix, "Code for <" + url + ">");

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("role=\"img\"")
                .contains("aria-label=\"Code for &lt;" + url + "&gt;\"").doesNotContain("<" + url);
        // Four light modules on every side: the first dark run starts inside the border.
        var first = RUN.matcher(svg);
        assertThat(first.find()).isTrue();
        assertThat(Integer.parseInt(first.group(1))).isGreaterThanOrEqualTo(QrCodes.QUIET_ZONE);
        assertThat(Integer.parseInt(first.group(2))).isEqualTo(QrCodes.QUIET_ZONE);
        assertThat(matrix.getWidth()).isEqualTo(matrix.getHeight());
    }
}
