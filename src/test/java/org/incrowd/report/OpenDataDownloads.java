package org.incrowd.report;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** Streamed downloads as a browser gets them: the response after the stream has ended, and a zip's files. */
final class OpenDataDownloads {

    private OpenDataDownloads() {
    }

    static MockHttpServletResponse perform(MockMvc mvc, RequestBuilder request) throws Exception {
        var result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            return mvc.perform(asyncDispatch(result)).andReturn().getResponse();
        }
        return result.getResponse();
    }

    /** Each file of the zip by name, as text. */
    static Map<String, String> files(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
