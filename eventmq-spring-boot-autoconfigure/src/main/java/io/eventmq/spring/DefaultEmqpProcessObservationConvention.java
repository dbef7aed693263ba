package io.eventmq.spring;

import io.micrometer.common.KeyValues;

/** {@code eventmq.process}, tagged with the queue; contextual name {@code <queue> process}. */
public class DefaultEmqpProcessObservationConvention implements EmqpProcessObservationConvention {

    public static final DefaultEmqpProcessObservationConvention INSTANCE = new DefaultEmqpProcessObservationConvention();

    @Override
    public String getName() {
        return "eventmq.process";
    }

    @Override
    public String getContextualName(EmqpProcessContext context) {
        return context.getQueue() + " process";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(EmqpProcessContext context) {
        return KeyValues.of(EmqpObservation.LowCardinalityKeys.QUEUE.withValue(context.getQueue()));
    }
}
