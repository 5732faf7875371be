package org.incrowd.report.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF: the XHTML template {@code report/pdf.jte} (the same content as the page, escaped by the same
 * template engine) laid out by openhtmltopdf. Links are absolute, so they work from a downloaded file. The font is
 * the Liberation Sans that PDFBox ships (Latin, Greek and Cyrillic scripts), embedded so the file reads the same
 * everywhere. The document refers to no
 * image or style sheet (people's text is escaped, so it cannot add one): nothing is fetched while rendering.
 */
@Component
class ReportPdf {

    /** Inside PDFBox's own jar: no font file of the machine is needed. */
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String FONT_FAMILY = "Report Sans";

    private final TemplateEngine templates;
    private final PublicUrl publicUrl;

    ReportPdf(TemplateEngine templates, PublicUrl publicUrl) {
        this.templates = templates;
        this.publicUrl = publicUrl;
    }

    byte[] render(ReportView report, Ui ui) {
        var xhtml = new StringOutput();
        String base = publicUrl.absolute("");
        templates.render("report/pdf.jte", Map.of("ui", ui, "report", report, "base", base), xhtml);
        var pdf = new ByteArrayOutputStream();
        try {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(Font.BYTES), FONT_FAMILY);
            builder.withHtmlContent(xhtml.toString(), base + "/");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /** The font, read from the jar once per node (when the first PDF is made), not once per download. */
    private static final class Font {

        static final byte[] BYTES = read();

        private static byte[] read() {
            try (var in = ReportPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox no longer ships " + FONT);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
