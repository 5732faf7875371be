package org.incrowd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules keep their boundaries: no cycles, no reaching into another module's internals, and no dependency that
 * a module's {@code allowedDependencies} does not name (with its reason, in its package-info). The intended
 * direction is asserted here too, so that widening an allowance cannot quietly turn it around.
 */
class ModularityTests {

    // Analysed once for all the tests here: the analysis of every class took most of this class's time.
    private static final ApplicationModules modules = ApplicationModules.of(IncrowdApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsItsOwnModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "text", "web", "identity", "jam", "discussion");
    }

    @Test
    void everyModuleNamesTheModulesItMayDependOn() throws ClassNotFoundException {
        for (var module : modules) {
            var declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule of %s", module.getIdentifier()).isNotNull();
            assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", module.getIdentifier())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        }
    }

    @Test
    void discussionBuildsOnJamsAndJamsNeverOnDiscussion() {
        var jam = modules.getModuleByName("jam").orElseThrow();
        assertThat(jam.getDirectDependencies(modules).containsModuleNamed("discussion")).isFalse();
        assertThat(modules.getModuleByName("discussion").orElseThrow().getDirectDependencies(modules)
                .containsModuleNamed("jam")).isTrue();
    }

    @Test
    void theShellDependsOnlyOnTheSharedVocabulary() {
        assertThat(dependenciesOf("web")).as("modules the web shell depends on").containsOnly("shared");
    }

    @Test
    void theSharedVocabularyAndTextAnalysisDependOnNoModule() {
        assertThat(dependenciesOf("shared")).as("modules the shared vocabulary depends on").isEmpty();
        assertThat(dependenciesOf("text")).as("modules text analysis depends on").isEmpty();
    }

    @Test
    void searchSharesTextAnalysisWithInsightButDoesNotDependOnIt() {
        assertThat(dependenciesOf("search")).contains("text").doesNotContain("insight");
        assertThat(dependenciesOf("insight")).contains("text").doesNotContain("search");
    }

    @Test
    void nothingDependsOnLiveUpdatesOrDemoContent() {
        for (var module : modules) {
            assertThat(dependenciesOf(module.getIdentifier().toString()))
                    .as("modules %s depends on", module.getIdentifier()).doesNotContain("live", "demo");
        }
    }

    private java.util.List<String> dependenciesOf(String name) {
        return modules.getModuleByName(name).orElseThrow().getDirectDependencies(modules).uniqueModules()
                .map(m -> m.getIdentifier().toString()).toList();
    }
}
