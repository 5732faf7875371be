package org.incrowd.identity.internal;

import java.util.EnumSet;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure an installation gets its first administrator exactly once: from INCROWD_ADMIN_EMAIL and
 * INCROWD_ADMIN_PASSWORD when given (unattended installs), else by telling the operator to open /setup, which works
 * only while no administrator exists. Demo mode creates its own administrator before this runs.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private final IdentityService identity;
    private final SetupCode setupCode;
    private final String email;
    private final String password;
    private final org.springframework.core.env.Environment environment;

    FirstAdministrator(IdentityService identity, SetupCode setupCode, @Value("${incrowd.admin.email:}") String email,
                       @Value("${incrowd.admin.password:}") String password,
                       org.springframework.core.env.Environment environment) {
        this.identity = identity;
        this.setupCode = setupCode;
        this.email = email;
        this.password = password;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.hasAdministrator()) {
            return;
        }
        if (!email.isBlank() && !password.isBlank()) {
            identity.register(new Registration(email, password, "Administrator", null, null, null,
                    ParticipantType.EMPLOYEE, null), EnumSet.of(Role.ADMINISTRATOR, Role.ORGANISER, Role.PARTICIPANT));
            log.info("Created the first administrator {} from the configuration", email);
            return;
        }
        // local.server.port is the port actually bound (server.port may be 0 for "any free port").
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String message = "Incrowd has no administrator yet: open http://localhost:" + port
                + "/setup and enter the setup code " + setupCode.issue()
                + " to create one, or start with INCROWD_ADMIN_EMAIL and INCROWD_ADMIN_PASSWORD set.";
        log.warn(message);
        System.out.println(message);
    }
}
