package org.incrowd.outreach.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.incrowd.outreach.QrCodes;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * The poster as a one-page A4 PDF ({@code outreach/posterPdf.jte} laid out by openhtmltopdf). openhtmltopdf draws
 * no SVG without an extra library, so the QR code is a table of square cells: as sharp on paper as the SVG. The
 * font is the Liberation Sans inside PDFBox's jar, embedded, so the question reads the same in every script it has.
 */
@Component
class PosterPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TemplateEngine templates;

    PosterPdf(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Poster poster, Ui ui) {
        var xhtml = new StringOutput();
        templates.render("outreach/posterPdf.jte", Map.of("ui", ui, "poster", poster,
                "qr", QrCodes.matrix(poster.url())), xhtml);
        var pdf = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PosterPdf.class.getResourceAsStream(FONT), "Poster Sans");
            builder.withHtmlContent(xhtml.toString(), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
