/**
 * The shell every page lives in: layout, home, error pages, messages in several languages, and the small vocabulary
 * modules share to render pages ({@link org.incrowd.web.Ui}) and to refuse requests ({@link org.incrowd.web.Refusal}).
 * It depends on no other module; modules contribute to the home page through {@link org.incrowd.web.HomeSection}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.incrowd.web;
