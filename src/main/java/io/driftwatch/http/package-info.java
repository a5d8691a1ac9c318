/**
 * Outgoing HTTP: one {@link io.driftwatch.http.HttpExecutor} runs every probe call (auth, deadline,
 * retries, capped body, timings, failure classification, redaction, audit).
 *
 * <p>Wiring, once per process:
 *
 * <pre>{@code
 * HttpClient client = HttpClients.shared();                       // or newShared(privateCa, timeout)
 * RedactorHolder redactors = RedactorHolder.of(Redactor.of(Redactor.secretValues(connections)));
 * LogbackAuditLog audit = LogbackAuditLog.open(dataDir);          // close() at shutdown
 * HttpExecutor executor = new HttpExecutor(client, Clock.systemUTC(), Sleeper.REAL, redactors, audit,
 *         ThreadLocalRandom.current());
 * AuthProviders auth = AuthProviders.standard(new AuthServices(client, Clock.systemUTC(), redactors));
 * AuthProvider provider = auth.create(connection);                // once per connection, reused
 * }</pre>
 *
 * <p>Per run, on a virtual thread: {@code executor.execute(request, options, provider)}. On config
 * reload: {@code redactors.replace(...)} and create providers for changed connections.
 */
package io.driftwatch.http;
