package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.resource.VersionStrategy;

/**
 * Stylesheets, scripts and webjars (ECharts is 1 MB) are linked by URLs that carry a hash of their content
 * ({@code /css/incrowd-<md5>.css}, see {@code Ui.asset}), so a browser may keep them for a year: a changed file gets a
 * new URL. Webjars are named without their version ({@code /webjars/echarts/echarts.min.js}); the version comes from
 * the jar on the class path (webjars-locator-lite), so it is written once, in the build. A URL without a hash (an old
 * bookmark, a hand-typed address) still works and is revalidated on each use. Compression is the server's
 * ({@code server.compression.*} in application.properties).
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl UNVERSIONED = CacheControl.noCache();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        serve(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/");
        serve(registry, "/**", "classpath:/static/");
    }

    private static void serve(ResourceHandlerRegistry registry, String pattern, String location) {
        var contentHash = new ContentVersionStrategy();
        registry.addResourceHandler(pattern).addResourceLocations(location)
                .setCacheControl(UNVERSIONED)
                .resourceChain(true)
                .addResolver(new KeptForAYearWhenVersioned(contentHash))
                .addResolver(new VersionResourceResolver().addVersionStrategy(contentHash, "/**"));
    }

    /**
     * Marks a file asked for by its versioned URL as cacheable for a year; the version resolver after it has already
     * checked that the hash in the URL is the file's (a wrong hash is a 404, never cached).
     */
    record KeptForAYearWhenVersioned(VersionStrategy versions) implements ResourceResolver {

        @Override
        public Resource resolveResource(HttpServletRequest request, String requestPath,
                                        List<? extends Resource> locations, ResourceResolverChain chain) {
            Resource resource = chain.resolveResource(request, requestPath, locations);
            if (resource == null || versions.extractVersion(requestPath) == null) {
                return resource;
            }
            return new CachedForAYear(resource);
        }

        @Override
        public String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
                                     ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourcePath, locations);
        }
    }

    /** The file as resolved, with its headers (the version resolver's ETag) plus a year's Cache-Control. */
    record CachedForAYear(Resource file) implements HttpResource {

        @Override
        public HttpHeaders getResponseHeaders() {
            var headers = new HttpHeaders();
            if (file instanceof HttpResource http) {
                headers.putAll(http.getResponseHeaders());
            }
            headers.setCacheControl(VERSIONED);
            return headers;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return file.getInputStream();
        }

        @Override
        public boolean exists() {
            return file.exists();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public URL getURL() throws IOException {
            return file.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return file.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return file.getFile();
        }

        @Override
        public long contentLength() throws IOException {
            return file.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return file.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return file.createRelative(relativePath);
        }

        @Override
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getDescription() {
            return file.getDescription();
        }
    }
}
