package io.driftwatch.vendor;

import io.driftwatch.http.AuthProviderFactory;
import io.driftwatch.http.Sleeper;
import io.driftwatch.vendor.quickbooks.QuickBooksAuthProvider;
import io.driftwatch.vendor.quickbooks.QuickBooksVendor;
import io.driftwatch.vendor.salesforce.SalesforceClientCredentialsAuthProvider;
import io.driftwatch.vendor.salesforce.SalesforceJwtAuthProvider;
import io.driftwatch.vendor.salesforce.SalesforceVendor;
import io.driftwatch.vendor.smarty.SmartyAuthProvider;
import io.driftwatch.vendor.smarty.SmartyVendor;
import java.time.Clock;

/**
 * Everything the three vendor connection types add, built once per process. Wiring (the engine):
 *
 * <pre>{@code
 * var vendorSupport = new VendorSupport(clock, tokenStore, Sleeper.REAL);
 * var authProviders = AuthProviders.standard(authServices, vendorSupport.authFlows());
 * var runner = new ProbeRunner(..., vendorSupport.registry(), ...);
 * // around each run: vendorSupport.limits().run(connection, request, options, () -> executor.execute(...))
 * // gauges: vendorSupport.quotas() (quota used ratio), vendorSupport.authStatuses() (refresh expiry)
 * }</pre>
 *
 * @see TokenStore for where QuickBooks refresh tokens persist ({@code FileTokenStore} or the JDBC store)
 */
public final class VendorSupport {
    private final AuthStatuses authStatuses = new AuthStatuses();
    private final QuotaUsage quotas = new QuotaUsage();
    private final TokenStore tokens;
    private final RequestLimits limits;
    private final VendorRegistry registry;

    public VendorSupport(Clock clock, TokenStore tokens, Sleeper sleeper) {
        this.tokens = tokens;
        this.limits = new RequestLimits(clock, sleeper);
        this.registry = new VendorRegistry(
                new GenericVendor(),
                new QuickBooksVendor(authStatuses, clock),
                new SalesforceVendor(quotas),
                new SmartyVendor());
    }

    /** generic, quickbooks, salesforce, smarty. */
    public VendorRegistry registry() {
        return registry;
    }

    /** quickbooks-oauth2, salesforce-jwt, salesforce-client-credentials, smarty. */
    public AuthProviderFactory[] authFlows() {
        return new AuthProviderFactory[] {
            QuickBooksAuthProvider.factory(tokens, authStatuses),
            SalesforceJwtAuthProvider.factory(authStatuses),
            SalesforceClientCredentialsAuthProvider.factory(authStatuses),
            SmartyAuthProvider.factory()
        };
    }

    public RequestLimits limits() {
        return limits;
    }

    public AuthStatuses authStatuses() {
        return authStatuses;
    }

    public QuotaUsage quotas() {
        return quotas;
    }
}
