/**
 * The shell every page lives in: layout, home, error pages, messages in several languages. It depends only on the
 * shared vocabulary ({@link org.incrowd.shared.Ui}, {@link org.incrowd.shared.Refusal}); modules contribute to the
 * home page through {@link org.incrowd.web.HomeSection}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = {
        "shared" // renders every page with Ui, turns a Refusal into an error page, greets the Viewer
})
package org.incrowd.web;
