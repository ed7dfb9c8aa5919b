package dev.gcm.planner.grid;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A member's proof that it holds the cluster secret: an HMAC-SHA256, keyed by the secret, over the
 * cluster name, the member's address and a nonce of its own, published as two member attributes when
 * it joins. Hazelcast fixes a member's attributes before it assigns the member's UUID, so the proof is
 * bound to the address (which another member cannot take while this one holds it), not to the UUID.
 * It tells apart a member started without the secret (a mistake, or a naive intruder); it is not
 * authentication: anyone who has seen the member list can replay a proof from that address.
 */
final class MemberProof {

    static final String NONCE = "gcm.nonce";
    static final String PROOF = "gcm.proof";

    private final byte[] secret;
    private final String cluster;

    MemberProof(byte[] secret, String cluster) {
        this.secret = secret.clone();
        this.cluster = cluster;
    }

    /** A new nonce. */
    static String nonce() {
        byte[] n = new byte[16];
        new SecureRandom().nextBytes(n);
        return HexFormat.of().formatHex(n);
    }

    /** The proof for a member at this address with this nonce. */
    String prove(InetAddress address, int port, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String text = "gcm-member-v1\n" + cluster + "\n" + address.getHostAddress() + ":" + port + "\n" + nonce;
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a member's published attributes prove the secret (constant-time comparison). */
    boolean verifies(InetAddress address, int port, String nonce, String proof) {
        if (nonce == null || proof == null) {
            return false;
        }
        byte[] expected = prove(address, port, nonce).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.US_ASCII));
    }

    /** The address a configured host name stands for (members compare addresses, not names). */
    static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("GCM_HZ_HOST '" + host + "' does not resolve", e);
        }
    }
}
