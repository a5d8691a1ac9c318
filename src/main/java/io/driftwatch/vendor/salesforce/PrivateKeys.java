package io.driftwatch.vendor.salesforce;

import io.driftwatch.vendor.VendorAuthSettings;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA private key from PEM. Messages name where the key came from, never its content. */
final class PrivateKeys {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PrivateKeys() {}

    static RSAPrivateKey rsa(String pem, VendorAuthSettings settings, String where) {
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw settings.problem(where + " must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with"
                    + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
        }
        int from = pem.indexOf(BEGIN);
        int to = pem.indexOf(END);
        if (from < 0 || to < from) throw settings.problem(where + " holds no PEM private key (BEGIN PRIVATE KEY)");
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + BEGIN.length(), to));
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateKey k)) {
                throw settings.problem(where + " is not an RSA key");
            }
            return k;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw settings.problem(where + " is not a valid RSA private key");
        }
    }
}
