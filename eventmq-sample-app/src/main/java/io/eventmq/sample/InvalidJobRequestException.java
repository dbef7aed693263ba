package io.eventmq.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A {@code POST /jobs} body that cannot be sent: answered 400 as problem JSON whose {@code field} names the culprit. */
final class InvalidJobRequestException extends ErrorResponseException {

    InvalidJobRequestException(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(field, detail), null);
    }

    private static ProblemDetail problem(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid job request");
        problem.setProperty("field", field);
        return problem;
    }
}
