package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gcm.facilitydb.forms.CpuArgument;
import dev.gcm.facilitydb.forms.GcmDocuments;
import dev.gcm.facilitydb.forms.LibvirtCpuXml;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every model form the tool reads is accepted wherever the API takes a model (JSON objects, strings in any text
 * form, libvirt XML bodies), and what is none of them is a 400 (or a 415 for a type the route does not take),
 * never a 500.
 */
class ModelFormsIT {

    private static TestPlanner planner;
    private static Http http;
    private static final CpuModelInfo Z14_NO_VX = new CpuModelInfo("z14-base", Map.of("vx", false));

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        assertThat(http.put("/api/v1/hosts/h1", ADMIN, Fleet.json(Fleet.record("h1", "z14", 1))).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    /** The same model, z14-base without vx, in every form (as JSON values). */
    private static Map<String, com.fasterxml.jackson.databind.JsonNode> forms() {
        CpuModel m = new ModelResolver(Fleet.CATALOG).resolve(Z14_NO_VX);
        CpuModelInfo info = Expansion.staticForm(Fleet.CATALOG, m);
        Map<String, com.fasterxml.jackson.databind.JsonNode> out = new LinkedHashMap<>();
        out.put("CpuModelInfo", CpuModelInfoJson.write(info));
        out.put("gcm/v1 document", GcmDocuments.cpuModel(Fleet.CATALOG, m));
        out.put("-cpu argument", TextNode.valueOf(CpuArgument.write(info)));
        out.put("argument without -cpu", TextNode.valueOf(info.toCpuArgument()));
        out.put("JSON in a string", TextNode.valueOf(CpuModelInfoJson.write(info).toString()));
        out.put("libvirt <cpu>", TextNode.valueOf(LibvirtCpuXml.write(info)));
        out.put("domain capabilities", TextNode.valueOf(domcaps(info)));
        out.put("domain", TextNode.valueOf("<domain type='kvm'><name>g</name><os><type arch='s390x' "
                + "machine='s390-ccw-virtio-7.2'>hvm</type></os>" + LibvirtCpuXml.write(info) + "</domain>"));
        return out;
    }

    private static String domcaps(CpuModelInfo info) {
        StringBuilder sb = new StringBuilder("<domainCapabilities><path>/usr/bin/qemu-system-s390x</path>"
                + "<machine>s390-ccw-virtio-7.2</machine><arch>s390x</arch><cpu><mode name='host-model' supported='yes'>"
                + "<model fallback='forbid'>" + info.name() + "</model>");
        info.props().forEach((k, on) -> sb.append("<feature policy='").append(on ? "require" : "disable")
                .append("' name='").append(k).append("'/>"));
        return sb.append("</mode></cpu></domainCapabilities>").toString();
    }

    @Test
    void everyFormIsAcceptedWhereverABodyTakesAModel() {
        forms().forEach((form, model) -> {
            ObjectNode compare = JsonNodeFactory.instance.objectNode();
            compare.set("a", model);
            compare.set("b", CpuModelInfoJson.write(Z14_NO_VX));
            Http.Answer c = http.post("/api/v1/compare", GATE, compare.toString());
            assertThat(c.status()).as(form + ": " + c.body()).isEqualTo(200);
            assertThat(c.json().get("result").asText()).as(form).isEqualTo("identical");

            ObjectNode baseline = JsonNodeFactory.instance.objectNode();
            baseline.putArray("models").add(model).add("z14");
            Http.Answer b = http.post("/api/v1/baseline", GATE, baseline.toString());
            assertThat(b.status()).as(form + ": " + b.body()).isEqualTo(200);
            assertThat(b.json().get("features").toString()).as(form).doesNotContain("\"vx\"");

            ObjectNode check = JsonNodeFactory.instance.objectNode().put("target", "h1");
            check.putObject("guest").set("model", model);
            Http.Answer k = http.post("/api/v1/migrations/check", GATE, check.toString());
            assertThat(k.status()).as(form + ": " + k.body()).isEqualTo(200);
            assertThat(k.json().get("decision").asText()).as(form).isEqualTo("approved");

            ObjectNode pool = JsonNodeFactory.instance.objectNode();
            pool.set("floor", model);
            assertThat(http.put("/api/v1/pools/forms", ADMIN, pool.toString()).status()).as(form).isEqualTo(200);

            ObjectNode whatIf = JsonNodeFactory.instance.objectNode();
            whatIf.putArray("add").add(model);
            Http.Answer w = http.post("/api/v1/pools/default/what-if", GATE, whatIf.toString());
            assertThat(w.status()).as(form + ": " + w.body()).isEqualTo(200);
        });
    }

    @Test
    void libvirtXmlBodiesAreTakenByBaselineAndCompare() {
        CpuModelInfo z13 = CpuModelInfo.named("z13-base");
        String two = LibvirtCpuXml.write(Z14_NO_VX) + LibvirtCpuXml.write(z13);
        Http.Answer b = http.call("POST", "/api/v1/baseline", GATE, "<cpus>" + two + "</cpus>", "application/xml");
        assertThat(b.status()).as(b.body()).isEqualTo(200);
        assertThat(b.json().get("definition").get("name").asText()).isEqualTo("z13");
        Http.Answer c = http.call("POST", "/api/v1/compare", GATE, "<?xml version='1.0'?>" + two, "application/xml; charset=utf-8");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(c.json().get("runnable").asBoolean()).isFalse();
        Http.Answer one = http.call("POST", "/api/v1/compare", GATE, LibvirtCpuXml.write(z13), "application/xml");
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.json().get("code").asText()).isEqualTo("INVALID_XML");
    }

    @Test
    void whatIsNoModelIsA400AndXmlIsReadSafely() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE cpu [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><cpu><model>&e;</model></cpu>";
        String bomb = "<!DOCTYPE cpu [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]><cpu><model>&b;</model></cpu>";
        String deep = "<cpu>" + "<x>".repeat(200) + "</x>".repeat(200) + "</cpu>";
        for (String bad : List.of("\"z99\"", "\"z14,warp=on\"", "7", "[\"z14\"]", "\"<cpu\"", "\"\"", "true",
                TextNode.valueOf(xxe).toString(), TextNode.valueOf(bomb).toString(), TextNode.valueOf(deep).toString(),
                "{\"apiVersion\": \"gcm/v9\", \"kind\": \"CpuModel\"}", "\"<html/>\"")) {
            Http.Answer a = http.post("/api/v1/compare", GATE, "{\"a\": " + bad + ", \"b\": \"z14\"}");
            assertThat(a.status()).as(bad + " " + a.body()).isEqualTo(400);
            assertThat(a.json().get("field").asText()).as(bad).startsWith("$.a");
        }
        for (String bad : List.of(xxe, bomb, deep, "<cpu>", "not xml", "<a/><b/>", "\u00ff\u00fe")) {
            Http.Answer a = http.call("POST", "/api/v1/baseline", GATE, bad, "application/xml");
            assertThat(a.status()).as(bad + " " + a.body()).isEqualTo(400);
            assertThat(a.body()).doesNotContain("root:");
        }
        Http.Answer wrongRoute = http.call("POST", "/api/v1/migrations/check", GATE, "<cpu/>", "application/xml");
        assertThat(wrongRoute.status()).isEqualTo(415);
        Http.Answer text = http.call("POST", "/api/v1/baseline", GATE, "<cpu/>", "text/plain");
        assertThat(text.status()).isEqualTo(415);
    }
}
