package pe.telco.orders.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The Ed25519 key pair that signs checkpoints, read from PEM files (PKCS#8 private, X.509 public: what {@code openssl
 * genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write), or created owner-only where the configuration
 * allows it (dev and test). The JDK cannot derive an Ed25519 public key from the private one, hence two files.
 */
final class CheckpointKeys {

    static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The signing pair of a sealing instance; refuses to go on without one (or with two halves that do not match). */
    static CheckpointKeys forSigning(AuditConfig.Checkpoints config) throws IOException, GeneralSecurityException {
        if (config.signingKey().isEmpty() || config.publicKey().isEmpty()) {
            throw new IllegalStateException("""
                    The audit sealer needs a key to sign checkpoints of the chain and none is configured. Set \
                    ORDERS_AUDIT_CHECKPOINTS_SIGNING_KEY and ORDERS_AUDIT_CHECKPOINTS_PUBLIC_KEY to an Ed25519 key pair \
                    in PEM files kept outside the database (openssl genpkey -algorithm ed25519 -out signing.pem; \
                    openssl pkey -in signing.pem -pubout -out signing.pub.pem), or ORDERS_AUDIT_SEALER_ENABLED=false on \
                    an instance that does not seal (see docs/audit.md).""");
        }
        Path privateFile = Path.of(config.signingKey().get());
        Path publicFile = Path.of(config.publicKey().get());
        if (config.generateKeys() && !Files.exists(privateFile)) {
            generate(privateFile, publicFile);
        }
        CheckpointKeys keys = new CheckpointKeys(
                KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(readPem(privateFile, PRIVATE))),
                readPublic(publicFile));
        if (!verify(keys.publicKey, "key check", keys.sign("key check"))) {
            throw new IllegalStateException(publicFile + " is not the public key of " + privateFile);
        }
        return keys;
    }

    /** The configured public key, if any: enough to verify checkpoints on an instance that does not sign. */
    static Optional<PublicKey> configuredPublicKey(AuditConfig.Checkpoints config)
            throws IOException, GeneralSecurityException {
        return config.publicKey().isPresent() && Files.exists(Path.of(config.publicKey().get()))
                ? Optional.of(readPublic(Path.of(config.publicKey().get()))) : Optional.empty();
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String sign(String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed signature is simply not a valid one
        }
    }

    /** A short fingerprint naming the key in every checkpoint (first 16 bytes of SHA-256 of its X.509 encoding). */
    static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String pem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    static PublicKey parsePublic(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decodePem(pem, PUBLIC)));
    }

    private static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(readPem(file, PUBLIC)));
    }

    /** A new pair: the private key file is created with mode 0600 before a byte is written to it. */
    private static void generate(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        Files.createDirectories(publicFile.toAbsolutePath().getParent());
        if (privateFile.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(privateFile);
        }
        Files.writeString(privateFile, pem(PRIVATE, pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pem(PUBLIC, pair.getPublic().getEncoded()));
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The checkpoint key file " + file.toAbsolutePath() + " does not exist");
        }
        return decodePem(Files.readString(file), type);
    }

    private static byte[] decodePem(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Not a PEM " + type + " (expected " + begin + ")");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
