package org.incrowd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Incrowd: one deployable application, organised by capability (see the package of each module). */
@SpringBootApplication
@EnableScheduling
public class IncrowdApplication {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            // Command-line tools (./incrowd analyse ...) run without starting the application.
            System.exit(Commands.run(java.util.List.of(args), System.out, System.err));
        }
        SpringApplication.run(IncrowdApplication.class, args);
    }
}
