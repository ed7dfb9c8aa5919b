package dev.gcm.facilitydb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreeReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsTheCatalogAsObjectMapperWould() throws IOException {
        try (InputStream a = getClass().getResourceAsStream(CatalogLoader.RESOURCE);
             InputStream b = getClass().getResourceAsStream(CatalogLoader.RESOURCE)) {
            assertThat(JsonTreeReader.read(a)).isEqualTo(MAPPER.readTree(b));
        }
    }

    @Test
    void readsEveryKindOfValueAsObjectMapperWould() throws IOException {
        String json = "{\"s\": \"x\", \"i\": 7, \"l\": 12345678901, \"b\": 123456789012345678901234567890,"
                + " \"d\": 1.5, \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [2, {}], \"y\"], \"o\": {\"k\": []}}";
        assertThat(JsonTreeReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(MAPPER.readTree(json));
        assertThatThrownBy(() -> JsonTreeReader.read(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IOException.class);
    }
}
