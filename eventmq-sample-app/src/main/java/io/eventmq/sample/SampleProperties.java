package io.eventmq.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the sample's embedded router listens and how many jobs its worker runs at once.
 *
 * @param frontend    clients and schedulers connect here ({@code tcp://127.0.0.1:*} picks a free port)
 * @param backend     workers connect here
 * @param admin       administration tools connect here
 * @param concurrency the worker's job slots
 */
@ConfigurationProperties("sample.eventmq")
record SampleProperties(@DefaultValue("tcp://127.0.0.1:47291") String frontend,
                        @DefaultValue("tcp://127.0.0.1:47290") String backend,
                        @DefaultValue("tcp://127.0.0.1:47293") String admin,
                        @DefaultValue("4") int concurrency) {
}
