/**
 * The vocabulary every module speaks, apart from the web shell: how a request is refused ({@link
 * org.incrowd.shared.Refusal}, {@link org.incrowd.shared.FieldErrors}, {@link org.incrowd.shared.ErrorPage} for
 * refusals outside controllers) and what every page is rendered with ({@link org.incrowd.shared.Ui}, the {@link
 * org.incrowd.shared.Viewer} it names, the {@link org.incrowd.shared.Choice} of a list). Small, stable types with no
 * behaviour of their own, so that a capability can say "no" and render a page without depending on the shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared vocabulary",
        allowedDependencies = {}) // none: every module speaks this vocabulary, so it may build on no module
package org.incrowd.shared;
