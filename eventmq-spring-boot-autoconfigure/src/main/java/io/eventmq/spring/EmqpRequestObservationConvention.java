package io.eventmq.spring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags {@link EmqpObservation#REQUEST}; declare a bean of this type to change them. */
public interface EmqpRequestObservationConvention extends ObservationConvention<EmqpRequestContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof EmqpRequestContext;
    }
}
