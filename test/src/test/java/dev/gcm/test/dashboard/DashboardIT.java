package dev.gcm.test.dashboard;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The dashboard in real headless Chromium against a real planner (tokens on) and a small fleet. */
class DashboardIT {

    private static TestPlanner planner;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        Fleet.threeHosts().forEach(DashboardIT::put);
        browser = new Browser(1280, 800);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        planner.close();
    }

    private static void put(HostRecord r) {
        assertThat(planner.http().put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
    }

    /** A fresh tab state: open the page, sign in with the admin token. */
    @BeforeEach
    void signIn() {
        browser.open(planner.http() + "/");
        browser.driver.executeScript("sessionStorage.clear()");
        browser.open(planner.http() + "/");
        WebElement token = browser.visible(By.id("token"));
        token.sendKeys(ADMIN);
        token.sendKeys(Keys.ENTER);
        browser.visible(By.cssSelector("[data-pool='default'] [data-gcm]"));
    }

    private static void tab(String view) {
        WebElement button = browser.visible(By.cssSelector("#nav button[data-view='" + view + "']"));
        button.sendKeys(Keys.ENTER); // keyboard, as a person without a mouse would
        browser.visible(By.id("view-" + view));
    }

    @Test
    void asksForATokenAndRefusesAWrongOne() {
        browser.driver.executeScript("sessionStorage.clear()");
        browser.open(planner.http() + "/");
        WebElement token = browser.visible(By.id("token"));
        assertThat(browser.driver.findElement(By.id("main")).isDisplayed()).isFalse();
        token.sendKeys("not-a-token-0123456789");
        token.sendKeys(Keys.ENTER);
        browser.until(d -> d.findElement(By.id("login-error")).getText().contains("refused"));
        assertThat(browser.driver.executeScript("return sessionStorage.getItem('gcm-token')")).isNull();
    }

    @Test
    void thePoolGcmShownIsTheApis() {
        JsonNode gcm = planner.http().get("/api/v1/pools/default/gcm", READER).json();
        WebElement shown = browser.visible(By.cssSelector("[data-pool='default'] [data-gcm]"));
        assertThat(shown.getAttribute("data-gcm")).isEqualTo(gcm.path("definition").path("name").asText());
        assertThat(browser.attribute(By.cssSelector("[data-pool='default'] [data-feature-count]"), "data-feature-count"))
                .isEqualTo(String.valueOf(gcm.path("features").size()));
        List<String> limiting = browser.driver.findElements(By.cssSelector("[data-pool='default'] [data-limit]")).stream()
                .map(e -> e.getAttribute("data-limit")).toList();
        assertThat(limiting).containsExactlyInAnyOrderElementsOf(gcm.path("limitedBy").findValuesAsText("host"));
    }

    @Test
    void whatIfUntickingAHostChangesTheShownGcmAndTickingRestoresIt() {
        tab("whatif");
        By after = By.cssSelector("[data-whatif='after'] [data-gcm]");
        String before = planner.http().get("/api/v1/pools/default/gcm", READER).json().path("definition").path("name").asText();
        browser.until(d -> before.equals(d.findElement(after).getAttribute("data-gcm")));
        String expected = planner.http().post("/api/v1/pools/default/what-if", ADMIN, "{\"remove\": [\"h3\"]}").json()
                .path("after").path("definition").path("name").asText();
        assertThat(expected).isNotEqualTo(before);

        WebElement h3 = browser.visible(By.cssSelector("#whatif-hosts input[value='h3']"));
        h3.sendKeys(Keys.SPACE);
        browser.until(d -> expected.equals(d.findElement(after).getAttribute("data-gcm")));
        h3.sendKeys(Keys.SPACE);
        browser.until(d -> before.equals(d.findElement(after).getAttribute("data-gcm")));
        assertThat(planner.http().get("/api/v1/hosts", READER).json().path("hosts")).hasSize(
                planner.http().get("/api/v1/pools/default/gcm", READER).json().path("hostCount").asInt());
    }

    @Test
    void aCheckShowsApprovalAndRejectionWithReasons() {
        tab("check");
        check("web1", "h3");
        assertThat(browser.attribute(By.cssSelector("#check-result [data-decision]"), "data-decision")).isEqualTo("approved");
        check("gen16a", "h3");
        assertThat(browser.attribute(By.cssSelector("#check-result [data-decision]"), "data-decision")).isEqualTo("rejected");
        List<String> reasons = browser.driver.findElements(By.cssSelector("#check-result [data-reason]")).stream()
                .map(e -> e.getAttribute("data-reason")).toList();
        assertThat(reasons).contains("MISSING_FEATURES", "MODEL_TOO_NEW");
        browser.until(d -> d.findElements(By.cssSelector("#decisions tbody tr")).size() >= 2);
    }

    private static void check(String guest, String target) {
        WebElement input = browser.visible(By.id("check-guest"));
        input.clear();
        input.sendKeys(guest);
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("check-target"))).selectByValue(target);
        String old = browser.driver.findElements(By.cssSelector("#check-result [data-decision]")).stream()
                .map(WebElement::getText).findFirst().orElse("");
        input.sendKeys(Keys.ENTER);
        browser.until(d -> d.findElements(By.cssSelector("#check-result [data-decision]")).stream()
                .anyMatch(e -> !e.getText().equals(old) && e.getText().contains(guest)));
    }

    @Test
    void aHostUpdateArrivesWithoutReloading() {
        browser.driver.executeScript("window.__notReloaded = true");
        int hosts = planner.http().get("/api/v1/hosts", READER).json().path("hosts").size();
        put(Fleet.record("live-" + hosts, "z13s", 1));
        browser.until(d -> d.findElement(By.cssSelector("[data-pool='default'] h3")).getText()
                .contains("(" + (hosts + 1) + " hosts"));
        assertThat(browser.driver.executeScript("return window.__notReloaded === true")).isEqualTo(true);
        assertThat(browser.visible(By.id("live")).getText()).contains("live");
    }

    @Test
    void theHeatmapShowsTheFeaturesThatSplitThePool() {
        tab("heatmap");
        JsonNode api = planner.http().get("/api/v1/pools/default/heatmap", READER).json();
        assertThat(api.path("features").size()).isPositive();
        browser.until(d -> d.findElements(By.cssSelector("[data-testid='heatmap'] th[data-feature]")).size()
                == api.path("features").size());
        WebElement first = browser.driver.findElement(By.cssSelector("[data-testid='heatmap'] th[data-feature]"));
        assertThat(first.getAttribute("title")).startsWith(api.path("features").get(0).path("name").asText() + ": ");
        int on = browser.driver.findElements(By.cssSelector("[data-testid='heatmap'] td.on")).size();
        int expected = 0;
        for (JsonNode f : api.path("features")) {
            expected += f.path("rows").size();
        }
        assertThat(on).isEqualTo(expected);
        int grouped = 0;
        for (JsonNode row : api.path("rows")) {
            grouped += row.path("count").asInt();
        }
        assertThat(grouped).isEqualTo(api.path("hostCount").asInt());
        assertThat(browser.driver.findElements(By.cssSelector("[data-testid='heatmap'] tbody tr")))
                .hasSize(api.path("rows").size());
    }

    @Test
    void theHostsTableSortsAndFilters() {
        tab("hosts");
        WebElement sortByDefinition = browser.visible(By.cssSelector("#hosts th[data-key='definition'] button"));
        sortByDefinition.sendKeys(Keys.ENTER);
        browser.until(d -> "ascending".equals(d.findElement(By.cssSelector("#hosts th[data-key='definition']"))
                .getAttribute("aria-sort")));
        List<String> definitions = browser.driver.findElements(By.cssSelector("#hosts tbody tr td:nth-child(3)"))
                .stream().map(WebElement::getText).toList();
        assertThat(definitions).isSorted();
        browser.visible(By.id("host-filter")).sendKeys("gen15a");
        browser.until(d -> d.findElements(By.cssSelector("#hosts tbody tr")).size() == 1);
        assertThat(browser.driver.findElement(By.cssSelector("#hosts tbody tr")).getAttribute("data-host")).isEqualTo("h2");
    }
}
