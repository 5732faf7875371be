package org.incrowd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries: no cycles, no reaching into another module's internals. The module documentation
 * (diagrams and a canvas per module) is written to target/spring-modulith-docs on every run.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(IncrowdApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsItsOwnModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("web", "identity", "jam", "discussion");
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
        var web = modules.getModuleByName("web").orElseThrow();
        assertThat(web.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .as("modules the web shell depends on").containsOnly("shared");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
