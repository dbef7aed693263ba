package io.eventmq.spring;

import io.micrometer.common.KeyValues;

/** {@code eventmq.request}, tagged with the queue; contextual name {@code <queue> request}. */
public class DefaultEmqpRequestObservationConvention implements EmqpRequestObservationConvention {

    public static final DefaultEmqpRequestObservationConvention INSTANCE = new DefaultEmqpRequestObservationConvention();

    @Override
    public String getName() {
        return "eventmq.request";
    }

    @Override
    public String getContextualName(EmqpRequestContext context) {
        return context.getQueue() + " request";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(EmqpRequestContext context) {
        return KeyValues.of(EmqpObservation.LowCardinalityKeys.QUEUE.withValue(context.getQueue()));
    }
}
