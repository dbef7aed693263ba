package io.eventmq.spring;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations EventMQ makes when {@code eventmq.observation.enabled} is set: a client's request, from send
 * to result, and a handler's processing of a job. The request's trace context travels in the eMQP headers
 * frame, so a tracer makes the handler's span a child of the client's.
 */
public enum EmqpObservation implements ObservationDocumentation {

    /** {@code EmqpTemplate.request} and {@code call}: from sending the REQUEST to its result. */
    REQUEST {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultEmqpRequestObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }
    },

    /** An {@link EmqpHandler} method running a job. */
    PROCESS {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultEmqpProcessObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }
    };

    /** Tags of both observations. */
    public enum LowCardinalityKeys implements KeyName {

        /** The queue the REQUEST was sent to. */
        QUEUE {
            @Override
            public String asString() {
                return "eventmq.queue";
            }
        }
    }
}
