package io.driftwatch.vendor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The explicit list of connection types. Adding a vendor = one class plus one line here. */
public final class VendorRegistry {
    private final Map<String, Vendor> vendors = new LinkedHashMap<>();

    public VendorRegistry(Vendor... all) {
        for (Vendor v : all) vendors.put(v.type(), v);
    }

    public static VendorRegistry standard() {
        return new VendorRegistry(new GenericVendor());
    }

    public Vendor get(String type) {
        Vendor v = vendors.get(type == null ? "generic" : type);
        if (v == null) throw new IllegalArgumentException("unknown vendor: " + type);
        return v;
    }

    public Set<String> types() {
        return vendors.keySet();
    }
}
