package io.driftwatch.vendor;

/** Plain HTTP: no vendor-specific behaviour. */
public final class GenericVendor implements Vendor {
    @Override
    public String type() {
        return "generic";
    }
}
