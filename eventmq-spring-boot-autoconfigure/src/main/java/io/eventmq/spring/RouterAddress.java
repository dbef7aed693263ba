package io.eventmq.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

import io.eventmq.router.Router;

/** Where a worker, scheduler or client connects when its address property is not set. */
enum RouterAddress {

    /** Workers: the embedded router's backend, else the reference's on this host. */
    BACKEND("tcp://127.0.0.1:47290"),
    /** Clients and schedulers: the embedded router's frontend, else the reference's on this host. */
    FRONTEND("tcp://127.0.0.1:47291");

    private final String reference;

    RouterAddress(String reference) {
        this.reference = reference;
    }

    /** {@code configured} when set, else the embedded router's endpoint, else the reference's. */
    String resolve(String configured, ObjectProvider<Router> router) {
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        Router embedded = router.getIfAvailable();
        if (embedded == null) {
            return reference;
        }
        return this == BACKEND ? embedded.endpoints().backend() : embedded.endpoints().frontend();
    }
}
