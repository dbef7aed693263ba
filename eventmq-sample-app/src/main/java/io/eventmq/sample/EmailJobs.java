package io.eventmq.sample;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.eventmq.spring.EmqpHandler;

/** The {@code email} queue: each REQUEST's payload is an {@link Email} in JSON; sending is pretended (logged). */
@Component
class EmailJobs {

    private static final Logger log = LoggerFactory.getLogger(EmailJobs.class);

    /** An email to send, as the payload of a REQUEST on the {@code email} queue. */
    record Email(String to, String subject, String body) {
    }

    /** What {@link #send} answers. */
    record Sent(String to, String subject, int characters) {
    }

    @EmqpHandler(queue = "email")
    Sent send(Email email) {
        if (email.to() == null || !email.to().contains("@")) {
            throw new IllegalArgumentException("not an email address: " + email.to());
        }
        String body = email.body() == null ? "" : email.body();
        log.info("Sending email to {}: {}", email.to(), email.subject());
        return new Sent(email.to(), email.subject(), body.length());
    }
}
