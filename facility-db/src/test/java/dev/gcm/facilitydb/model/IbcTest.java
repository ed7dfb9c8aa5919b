package dev.gcm.facilitydb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IbcTest {

    @Test
    void encodesGenerationAndGa() {
        assertThat(Ibc.of(13, 2).value()).isEqualTo(0x032);
        assertThat(Ibc.of(9, 3)).isEqualTo(Ibc.NONE);
        Ibc z15 = Ibc.parse("0x051");
        assertThat(z15.generation()).isEqualTo(15);
        assertThat(z15.ga()).isEqualTo(1);
        assertThat(z15).hasToString("0x051");
    }

    @Test
    void refusesValuesOutside12Bits() {
        assertThatThrownBy(() -> new Ibc(0x1000)).hasMessageContaining("outside 12 bits");
        assertThatThrownBy(() -> Ibc.parse("0xg")).hasMessageContaining("not an IBC");
    }

    @Test
    void rangeUnpacksKvmsAttributeAndClamps() {
        IbcRange range = IbcRange.fromPacked(0x0032_0051L);
        assertThat(range.lowest().value()).isEqualTo(0x032);
        assertThat(range.unblocked().value()).isEqualTo(0x051);
        assertThat(range.packed()).isEqualTo(0x0032_0051L);
        assertThat(range.clamp(Ibc.parse("0x021"))).isEqualTo(range.lowest());
        assertThat(range.clamp(Ibc.parse("0x061"))).isEqualTo(range.unblocked());
        assertThat(range.clamp(Ibc.parse("0x041"))).isEqualTo(Ibc.parse("0x041"));
        assertThat(range.clamp(Ibc.NONE)).isEqualTo(Ibc.NONE);
    }

    @Test
    void rangeRefusesLowestAboveUnblocked() {
        assertThatThrownBy(() -> new IbcRange(Ibc.parse("0x051"), Ibc.parse("0x032")))
                .hasMessageContaining("lowest 0x051 is above unblocked 0x032");
    }
}
