package io.eventmq.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application: EventMQ through the starter alone. By default a router, a worker and an HTTP API in one
 * process; profile {@code external} connects to a router elsewhere, profile {@code router} is only a router.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
