package dev.gcm.facilitydb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.testing.Seeded;
import org.junit.jupiter.api.Test;

class FacilityListTest {

    @Test
    void bitZeroIsTheMostSignificantBitOfTheFirstWord() {
        long[] words = FacilityList.of(0, 63, 64, 129).toWords(3);
        assertThat(words[0]).isEqualTo(0x8000_0000_0000_0001L);
        assertThat(words[1]).isEqualTo(0x8000_0000_0000_0000L);
        assertThat(words[2]).isEqualTo(0x4000_0000_0000_0000L);
    }

    @Test
    void bytesHoldFacilityNAtMask0x80ShiftedRight() {
        byte[] bytes = FacilityList.of(0, 7, 9).toBytes(2);
        assertThat(bytes).containsExactly((byte) 0x81, (byte) 0x40);
    }

    @Test
    void readsTheCpuinfoFacilitiesLine() {
        String cpuinfo = "vendor_id       : IBM/S390\n# processors    : 4\n"
                + "facilities      : 0 1 2 3 4 6 7 8 9 10 12 14 15 16 17 129 131\n";
        FacilityList list = FacilityList.fromCpuinfo(cpuinfo);
        assertThat(list.facilities()).startsWith(0, 1, 2, 3, 4, 6).endsWith(129, 131);
        assertThat(FacilityList.fromCpuinfo(list.toCpuinfoLine())).isEqualTo(list);
    }

    @Test
    void refusesBitsOutOfRangeAndBadText() {
        assertThatThrownBy(() -> FacilityList.of(16384)).hasMessageContaining("outside 0..16383");
        assertThatThrownBy(() -> FacilityList.of(-1)).hasMessageContaining("outside");
        assertThatThrownBy(() -> FacilityList.fromCpuinfo("facilities : 1 two 3")).hasMessageContaining("'two'");
        assertThatThrownBy(() -> FacilityList.fromCpuinfo("processor 0: x")).hasMessageContaining("no 'facilities'");
        assertThatThrownBy(() -> FacilityList.fromHex("zz")).hasMessageContaining("hex");
        assertThatThrownBy(() -> FacilityList.fromWords(new long[257])).hasMessageContaining("256 words");
    }

    @Test
    void convertsToAndFromStflFeatures() {
        Catalog catalog = Catalog.load();
        FacilityList list = FacilityList.of(0, 1, 2, 129, 16000);
        FeatureSet features = catalog.stflFeatures(list);
        assertThat(catalog.names(features)).containsExactly("esan3", "zarch", "vx");
        assertThat(catalog.facilityList(features)).isEqualTo(FacilityList.of(0, 1, 129));
    }

    @Test
    void wordsRoundTrip() {
        Seeded.forAll(1000, random -> {
            java.util.List<Integer> bits = Seeded.ints(random, 0, 40, 0, 16383);
            FacilityList list = FacilityList.of(bits.stream().mapToInt(Integer::intValue).toArray());
            assertThat(FacilityList.fromWords(list.toWords(FacilityList.WORDS))).isEqualTo(list);
            assertThat(FacilityList.fromBytes(list.toBytes(FacilityList.WORDS * 8))).isEqualTo(list);
            assertThat(FacilityList.fromHex(list.toHex())).isEqualTo(list);
        });
    }
}
