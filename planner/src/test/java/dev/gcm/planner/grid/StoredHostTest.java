package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.planner.support.Fleet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class StoredHostTest {

    @Test
    void keepsTheRecordDeflatedAndGivesItBackExactly() throws Exception {
        String json = Fleet.json(Fleet.record("h1", "gen16a", 7));
        StoredHost s = new StoredHost(json, "boot", 7, 100, false);
        assertThat(s.recordJson()).isEqualTo(json);
        assertThat(s.storedBytes()).isLessThan(json.length() / 2);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        StoredHost back = (StoredHost) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(back).isEqualTo(s);
        assertThat(back.recordJson()).isEqualTo(json);
    }

    @Test
    void theIndexCopyIsTheSameEntryWithoutTheRecord() {
        StoredHost s = new StoredHost("{\"a\": 1}", "boot", 7, 100, false);
        StoredHost copy = s.withoutRecord();
        assertThat(copy.recordJson()).isEmpty();
        assertThat(copy.sameEntryAs(s)).isTrue();
        assertThat(copy).isNotEqualTo(s);
        assertThat(s.withCordoned(true).sameEntryAs(s)).isFalse();
        assertThat(s.withCordoned(true).recordJson()).isEqualTo(s.recordJson());
    }
}
