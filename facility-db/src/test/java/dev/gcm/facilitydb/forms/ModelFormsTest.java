package dev.gcm.facilitydb.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelFormsTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final ModelResolver RESOLVER = new ModelResolver(CATALOG);

    static String resource(String name) {
        try (InputStream in = ModelFormsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Boolean> props(Object... kv) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Boolean) kv[i + 1]);
        }
        return m;
    }

    @Test
    void cpuArgumentsReadWithOrWithoutTheOptionInEveryBooleanSpelling() {
        CpuModelInfo expected = new CpuModelInfo("z14-base", props("vx", false, "msa5", true, "gs", true, "te", false));
        for (String text : List.of("-cpu z14-base,vx=off,msa5=on,gs=true,te=false",
                "z14-base,vx=no,msa5=yes,gs=on,te=off", "--cpu=z14-base,vx=OFF,msa5=On,gs=y,te=n",
                "  -cpu   z14-base, vx=off ,msa5=on,gs=on,te=off\n")) {
            ReadModel m = ModelForms.read(text);
            assertThat(m.model()).as(text).isEqualTo(expected);
            assertThat(m.form()).isEqualTo(ModelForm.CPU_ARGUMENT);
        }
        assertThat(ModelForms.read("z14,csske=off").model()).isEqualTo(new CpuModelInfo("z14", props("csske", false)));
        assertThat(ModelForms.read("z14").form()).isEqualTo(ModelForm.NAME);
        assertThat(ModelForms.read("z14,vx=on,vx=off").model().props()).isEqualTo(props("vx", false));
        assertThat(CpuArgument.write(new CpuModelInfo("z13", props("vx", false)))).isEqualTo("-cpu z13,vx=off");
    }

    @Test
    void badCpuArgumentsSayWhatIsWrong() {
        assertThatThrownBy(() -> ModelForms.read("z14,vx")).hasMessageContaining("vx=on or =off");
        assertThatThrownBy(() -> ModelForms.read("z14,vx=maybe")).hasMessageContaining("expected on or off");
        assertThatThrownBy(() -> ModelForms.read("-cpu ")).hasMessageContaining("needs a model name");
        assertThatThrownBy(() -> ModelForms.read("z 14")).hasMessageContaining("not a CPU model name");
        assertThatThrownBy(() -> ModelForms.read("   ")).hasMessageContaining("empty input");
    }

    @Test
    void qemuJsonAndGcmDocumentsAreToldApart() {
        assertThat(ModelForms.read("{\"name\": \"z14\", \"props\": {\"vx\": false}}"))
                .isEqualTo(ReadModel.of(new CpuModelInfo("z14", props("vx", false)), ModelForm.QEMU_JSON));
        CpuModel z14 = RESOLVER.resolve(CpuModelInfo.named("z14"));
        String doc = GcmDocuments.cpuModel(CATALOG, z14).toString();
        ReadModel back = ModelForms.read(doc);
        assertThat(back.form()).isEqualTo(ModelForm.GCM_DOCUMENT);
        assertThat(RESOLVER.resolve(back.model())).isEqualTo(z14);
        String pool = "{\"apiVersion\":\"gcm/v1\",\"kind\":\"PoolGcm\",\"pool\":\"default\",\"common\":true,"
                + "\"qemu\":{\"name\":\"z13-base\",\"props\":{\"vx\":true}}}";
        assertThat(ModelForms.read(pool).model()).isEqualTo(new CpuModelInfo("z13-base", props("vx", true)));
        String host = "{\"apiVersion\":\"gcm/v1\",\"kind\":\"Host\",\"record\":{\"hostModel\":{\"name\":\"z15\"}}}";
        assertThat(ModelForms.read(host).model().name()).isEqualTo("z15");
        assertThat(ModelForms.read("\"-cpu z13,vx=off\"").model()).isEqualTo(new CpuModelInfo("z13", props("vx", false)));
    }

    @Test
    void documentsWithoutAModelAreRefusedByName() {
        assertThatThrownBy(() -> ModelForms.read("{\"apiVersion\":\"gcm/v2\",\"kind\":\"CpuModel\"}"))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("unsupported apiVersion 'gcm/v2'");
        assertThatThrownBy(() -> ModelForms.read("{\"apiVersion\":\"gcm/v1\",\"kind\":\"NoCommonModel\"}"))
                .hasMessageContaining("a NoCommonModel document holds no CPU model");
        assertThatThrownBy(() -> ModelForms.read("{\"apiVersion\":\"gcm/v1\",\"kind\":\"PoolGcm\",\"common\":false}"))
                .hasMessageContaining("the pool has no common model");
        assertThatThrownBy(() -> ModelForms.read("{\"name\": \"z14\"")).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> ModelForms.read("[{\"name\": \"z14\"}]")).hasMessageContaining("found a JSON array");
    }

    @Test
    void libvirtCpuElementsReadEveryPolicy() {
        String xml = "<cpu mode='custom' match='exact' check='partial'>\n  <model fallback='forbid'>z14-base</model>\n"
                + "  <feature policy='require' name='vx'/><feature policy='force' name='gs'/>"
                + "<feature policy='disable' name='csske'/><feature policy='forbid' name='te'/>"
                + "<feature name='ri'/><topology sockets='1' cores='1' threads='1'/></cpu>";
        ReadModel m = ModelForms.read(xml);
        assertThat(m.form()).isEqualTo(ModelForm.LIBVIRT_CPU);
        assertThat(m.model()).isEqualTo(new CpuModelInfo("z14-base",
                props("vx", true, "gs", true, "csske", false, "te", false, "ri", true)));
        CpuModelInfo info = new CpuModelInfo("gen15a-base", props("csske", false, "vxeh2", true));
        assertThat(ModelForms.read(LibvirtCpuXml.write(info)).model()).isEqualTo(info);
        assertThatThrownBy(() -> ModelForms.read("<cpu mode='host-model'/>")).hasMessageContaining("from the host");
        assertThatThrownBy(() -> ModelForms.read("<cpu><model>z14</model><feature policy='maybe' name='vx'/></cpu>"))
                .hasMessageContaining("unknown policy 'maybe'");
    }

    @Test
    void domainCapabilitiesGiveTheHostModelAndMachineType() {
        ReadModel kvm = ModelForms.read(resource("domcaps-kvm.xml"));
        assertThat(kvm.form()).isEqualTo(ModelForm.LIBVIRT_DOMCAPS);
        assertThat(kvm.machineType()).contains("s390-ccw-virtio-7.2");
        assertThat(kvm.model().name()).isEqualTo("gen15a-base");
        assertThat(kvm.model().props()).containsEntry("vxeh2", true).containsEntry("te", false).hasSize(9);
        assertThat(RESOLVER.resolve(kvm.model()).definition().name()).isEqualTo("gen15a");
        // what libvirt 9.0 answers under TCG (captured from a real libvirtd): no host model to give
        assertThatThrownBy(() -> ModelForms.read(resource("domcaps-tcg-libvirt9.xml")))
                .isInstanceOf(FormException.class).hasMessageContaining("host-model supported='no'")
                .hasMessageContaining("not under TCG");
    }

    @Test
    void domainXmlGivesTheGuestModelAndMachineType() {
        DomainXml.Guest g = DomainXml.read(resource("domain-live.xml"));
        assertThat(g.name()).isEqualTo("app1");
        assertThat(g.uuid()).contains("5b1e0c3a-0000-4000-8000-000000005390");
        assertThat(g.machineType()).contains("s390-ccw-virtio-7.2");
        assertThat(g.cpuMode()).contains("custom");
        assertThat(g.cpuModel()).contains(new CpuModelInfo("z14", props("csske", false, "vxpd", true)));
        ReadModel m = ModelForms.read(resource("domain-live.xml"));
        assertThat(m.form()).isEqualTo(ModelForm.LIBVIRT_DOMAIN);
        assertThat(m.machineType()).contains("s390-ccw-virtio-7.2");

        String inactive = "<domain type='kvm'><name>db</name><os><type machine='s390-ccw-virtio'>hvm</type></os>"
                + "<cpu mode='host-model' check='partial'/></domain>";
        DomainXml.Guest hostModel = DomainXml.read(inactive);
        assertThat(hostModel.cpuModel()).isEqualTo(Optional.empty());
        assertThat(hostModel.cpuMode()).contains("host-model");
        assertThatThrownBy(() -> ModelForms.read(inactive)).hasMessageContaining("domain db has <cpu mode='host-model'>");
        assertThatThrownBy(() -> ModelForms.read("<domain><name>x</name></domain>")).hasMessageContaining("no <cpu> element");
    }

    @Test
    void xmlCannotReachOutsideOrGrowWithoutBound() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE cpu [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<cpu><model>&x;</model></cpu>";
        assertThatThrownBy(() -> ModelForms.read(xxe)).isInstanceOf(FormException.class).hasMessageContaining("DOCTYPE");
        String bomb = "<!DOCTYPE cpu [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;'>]><cpu><model>&b;</model></cpu>";
        assertThatThrownBy(() -> ModelForms.read(bomb)).isInstanceOf(FormException.class);
        assertThatThrownBy(() -> ModelForms.read("<cpu>" + " ".repeat(SafeXml.MAX_CHARS) + "</cpu>"))
                .hasMessageContaining("larger than the limit");
        assertThatThrownBy(() -> ModelForms.read("<cpu><model>z14</cpu>")).hasMessageContaining("malformed XML (line 1");
        assertThatThrownBy(() -> ModelForms.read("<a>".repeat(100) + "</a>".repeat(100))).isInstanceOf(FormException.class);
        assertThatThrownBy(() -> ModelForms.read("<capabilities/>")).hasMessageContaining("holds no CPU model");
    }

    @Test
    void severalXmlModelsReadAsVirshTakesThem() {
        String many = "<?xml version='1.0'?>\n<cpu><model>z14</model></cpu>\n<cpu mode='custom'><model>z13</model>"
                + "<feature policy='disable' name='vx'/></cpu>\n" + resource("domcaps-kvm.xml") + resource("domain-live.xml");
        List<ReadModel> all = ModelForms.readAllXml(many);
        assertThat(all).extracting(ReadModel::form).containsExactly(ModelForm.LIBVIRT_CPU, ModelForm.LIBVIRT_CPU,
                ModelForm.LIBVIRT_DOMCAPS, ModelForm.LIBVIRT_DOMAIN);
        assertThat(all.get(1).model()).isEqualTo(new CpuModelInfo("z13", props("vx", false)));
        assertThat(ModelForms.readAllXml("<hosts><cpu><model>z14</model></cpu></hosts>")).hasSize(1);
        assertThatThrownBy(() -> ModelForms.readAllXml("<hosts/>")).hasMessageContaining("holds no <cpu>");
    }
}
