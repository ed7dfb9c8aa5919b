package dev.gcm.test.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.demo.DemoFleet;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.planner.Planner;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * The dashboard on the demo's fleet and the demo's planner (insecure, so no token is asked for): at
 * 1280x800, where it also takes the README's screenshot (target/dashboard.png), and in a narrow window.
 */
class DemoDashboardIT {

    @Test
    void needsNoTokenOnAnInsecurePlannerAndFitsWideAndNarrowWindows() throws Exception {
        Planner planner = Planner.start(PlannerConfig.buildFromMap(Map.of("GCM_HTTP_PORT", "0",
                "GCM_HTTP_HOST", "127.0.0.1", "GCM_HZ_PORT", String.valueOf(TestPlanner.freePort()),
                "GCM_CLUSTER_NAME", "demo-" + UUID.randomUUID(), "GCM_INSECURE", "true")), Optional.empty());
        try {
            Http http = new Http(planner.httpPort());
            for (HostRecord r : DemoFleet.records(Catalog.load(), 12, 1)) {
                assertThat(http.put("/api/v1/hosts/" + r.hostId(), null, HostRecordJson.write(r)).status()).isEqualTo(200);
            }
            String gcm = http.get("/api/v1/pools/default/gcm", null).json().path("definition").path("name").asText();
            try (Browser wide = new Browser(1280, 800)) {
                wide.open(http + "/");
                assertThat(wide.attribute(By.cssSelector("[data-pool='default'] [data-gcm]"), "data-gcm")).isEqualTo(gcm);
                assertThat(wide.driver.findElement(By.id("login")).isDisplayed()).isFalse();
                wide.until(d -> d.findElement(By.id("live")).getText().startsWith("live"));
                assertFits(wide);
                Path shot = Path.of("target", "dashboard.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, wide.driver.getScreenshotAs(OutputType.BYTES));
                assertThat(Files.size(shot)).isGreaterThan(10_000);
            }
            try (Browser narrow = new Browser(420, 860)) {
                narrow.open(http + "/");
                assertThat(narrow.attribute(By.cssSelector("[data-pool='default'] [data-gcm]"), "data-gcm")).isEqualTo(gcm);
                assertFits(narrow);
                narrow.visible(By.cssSelector("#nav a[data-view='hosts']")).click();
                assertThat(narrow.visible(By.id("hosts")).isDisplayed()).isTrue();
            }
        } finally {
            planner.close();
        }
    }

    /** The page is no wider than the window (wide tables scroll inside their own box). */
    private static void assertFits(Browser b) {
        Object overflow = b.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
