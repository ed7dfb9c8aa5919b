package dev.gcm.facilitydb.catalog;

/**
 * Where a feature's bit lives: the STFLE facility list, an SCLP field, or the query block of one
 * instruction with subfunctions. Declared in QEMU's order of feature types.
 */
public enum FeatureKind {
    STFL("STFLE facility bit"),
    SCLP_CONF_CHAR("SCLP configuration characteristic"),
    SCLP_CONF_CHAR_EXT("SCLP extended configuration characteristic"),
    SCLP_FAC134("SCLP facility byte 134"),
    SCLP_CPU("SCLP CPU information"),
    MISC("detected otherwise (no facility bit)"),
    PLO("PERFORM LOCKED OPERATION function"),
    PTFF("PTFF function"),
    KMAC("CPACF KMAC function"),
    KMC("CPACF KMC function"),
    KM("CPACF KM function"),
    KIMD("CPACF KIMD function"),
    KLMD("CPACF KLMD function"),
    PCKMO("CPACF PCKMO function"),
    KMCTR("CPACF KMCTR function"),
    KMF("CPACF KMF function"),
    KMO("CPACF KMO function"),
    PCC("CPACF PCC function"),
    PPNO("CPACF PPNO/PRNO function"),
    KMA("CPACF KMA function"),
    KDSA("CPACF KDSA function"),
    SORTL("SORTL function"),
    DFLTCC("DFLTCC function"),
    UV_FEAT_GUEST("Ultravisor guest feature"),
    PFCR("PFCR function");

    private final String description;

    FeatureKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for the subfunction families (PLO, PTFF, the CPACF instructions, SORTL, DFLTCC, PFCR). */
    public boolean isSubfunction() {
        return ordinal() >= PLO.ordinal() && this != UV_FEAT_GUEST;
    }
}
