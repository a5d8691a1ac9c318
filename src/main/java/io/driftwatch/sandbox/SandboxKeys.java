package io.driftwatch.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair standing in for the certificate uploaded to a Salesforce connected app. Loaded from
 * {@code salesforce-private.pem} and {@code salesforce-public.pem} when both exist, else generated (RSA
 * 2048) and written there, the private key readable by the owner only where the file system allows.
 */
record SandboxKeys(RSAPublicKey publicKey, Path privatePem, Path publicPem) {

    static final String PRIVATE_FILE = "salesforce-private.pem";
    static final String PUBLIC_FILE = "salesforce-public.pem";

    static SandboxKeys loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(priv) && Files.exists(pub)) {
                byte[] der = pemBody(Files.readString(pub), "PUBLIC KEY");
                var key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                return new SandboxKeys(key, priv, pub);
            }
            var gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            writePrivate(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new SandboxKeys((RSAPublicKey) pair.getPublic(), priv, pub);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("cannot load the Salesforce key pair from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a PKCS#8 PEM private key (what a JWT bearer client signs with). */
    static RSAPrivateKey readPrivateKey(Path pemFile) throws IOException {
        try {
            byte[] der = pemBody(Files.readString(pemFile), "PRIVATE KEY");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + pemFile, e);
        }
    }

    static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) throw new IllegalArgumentException("no " + type + " block");
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the default permissions stay.
        }
    }
}
