package org.incrowd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Incrowd: one deployable application, organised by capability (see the package of each module). */
@SpringBootApplication
@EnableScheduling
public class IncrowdApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncrowdApplication.class, args);
    }
}
