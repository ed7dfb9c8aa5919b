package dev.gcm.facilitydb.model;

/**
 * DESIGN section 3's rule for a model's IBC on a host with an IBC range: a model newer than the host's
 * unblocked IBC can never run there; a model older than the host's lowest runs, because KVM raises the guest's
 * IBC to the lowest (the facility list still hides the newer instructions), unless the pool asks for identical
 * instruction blocking everywhere ({@code strictIbc}). A model without IBC (before z10) counts as below any
 * non-zero lowest.
 *
 * <pre>{@code
 * IbcCheck c = IbcCheck.of(guest.ibc(), target.ibcRange(), pool.strictIbc());
 * if (c.rejects()) { reasons.add(c.name(), ...) } else if (c == IbcCheck.RAISED) { notices.add("IBC_RAISED") }
 * }</pre>
 */
public enum IbcCheck {
    /** The model's IBC lies in the host's range (or the host reports none): nothing to say. */
    NONE,
    /** Below the host's lowest: runs with its IBC raised to the lowest; a notice, never a rejection. */
    RAISED,
    /** Below the host's lowest in a strict pool: rejected. */
    BELOW_LOWEST,
    /** Above the host's unblocked IBC: can never run there; rejected. */
    ABOVE_UNBLOCKED;

    /**
     * @param model  the model's IBC (its definition's)
     * @param host   the host's range
     * @param strict whether the pool demands identical instruction blocking (strictIbc)
     */
    public static IbcCheck of(Ibc model, IbcRange host, boolean strict) {
        if (model.compareTo(host.unblocked()) > 0) {
            return ABOVE_UNBLOCKED;
        }
        if (model.compareTo(host.lowest()) < 0) {
            return strict ? BELOW_LOWEST : RAISED;
        }
        return NONE;
    }

    /** Whether the model may not run on the host. */
    public boolean rejects() {
        return this == BELOW_LOWEST || this == ABOVE_UNBLOCKED;
    }

    /** One sentence for people: what happens to a model of this IBC on the host. */
    public String describe(Ibc model, IbcRange host) {
        return switch (this) {
            case NONE -> "IBC " + model + " lies in the host's range " + host;
            case RAISED -> "IBC " + model + " is below the host's lowest IBC " + host.lowest()
                    + "; KVM raises it to " + host.lowest() + " and the model runs (a pool with strictIbc rejects it)";
            case BELOW_LOWEST -> "IBC " + model + " is below the host's lowest IBC " + host.lowest()
                    + "; the pool demands identical instruction blocking (strictIbc)";
            case ABOVE_UNBLOCKED -> "IBC " + model + " is above the host's unblocked IBC " + host.unblocked()
                    + "; the host can never run it";
        };
    }
}
