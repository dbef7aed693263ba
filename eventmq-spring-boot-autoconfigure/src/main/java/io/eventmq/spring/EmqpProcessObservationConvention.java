package io.eventmq.spring;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags {@link EmqpObservation#PROCESS}; declare a bean of this type to change them. */
public interface EmqpProcessObservationConvention extends ObservationConvention<EmqpProcessContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof EmqpProcessContext;
    }
}
