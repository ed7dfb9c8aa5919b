package dev.gcm.test.dashboard;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A fleet whose agents stopped reporting: the header is no green "live", and the page says why, loudly. */
class StaleDashboardIT {

    @Test
    void aMostlyStaleFleetIsNoGreenLive() throws Exception {
        try (TestPlanner planner = TestPlanner.start(Map.of("GCM_STALE_AFTER", "1s"));
             Browser browser = new Browser(1280, 800)) {
            for (HostRecord r : Fleet.threeHosts()) {
                assertThat(planner.http().put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    planner.http().get("/api/v1/pools/default/gcm", READER).json().path("stale").size() == 3);
            browser.open(planner.http() + "/");
            WebElement token = browser.visible(By.id("token"));
            token.sendKeys(READER);
            token.sendKeys(Keys.ENTER);
            browser.visible(By.cssSelector("[data-pool='default'] [data-gcm]"));
            browser.until(d -> d.findElement(By.id("live")).getText().contains("3 of 3 hosts stale"));
            String classes = browser.attribute(By.id("live"), "class");
            assertThat(java.util.List.of(classes.split(" "))).contains("stale").doesNotContain("on");
            assertThat(browser.visible(By.id("stale-banner")).getText()).contains("3 of 3 hosts are stale")
                    .contains("the gate approves no migration to a stale host");
            assertThat(browser.visible(By.cssSelector("[data-pool='default'] [data-testid='pool-stale']")).getText())
                    .startsWith("3 of 3 hosts are stale");
        }
    }
}
