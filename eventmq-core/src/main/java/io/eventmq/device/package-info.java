/**
 * The service a router's workers and schedulers run (the reference's EMQPService and JobManager):
 * {@link io.eventmq.device.WorkerService} with its {@link io.eventmq.device.ServiceSettings},
 * {@link io.eventmq.device.Handlers} and {@link io.eventmq.device.ServiceListener}.
 *
 * <pre>{@code
 * try (ZContext context = new ZContext()) {
 *     Handlers handlers = new Handlers()
 *             .onJob("jobs", "echo", job -> Map.of("echo", job.jobPayload().args().get(0)))
 *             .onRequest("email", job -> mailer.send(job.payload()));
 *     WorkerService worker = new WorkerService(context,
 *             ServiceSettings.DEFAULTS.withAddress("tcp://127.0.0.1:47290").withConcurrency(4), handlers);
 *     worker.start();
 *     ...
 *     worker.stop();
 * }
 * }</pre>
 */
package io.eventmq.device;
