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
        WebElement link = browser.visible(By.cssSelector("#nav a[data-view='" + view + "']"));
        link.sendKeys(Keys.ENTER); // keyboard, as a person without a mouse would
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
                .map(e -> e.getAttribute("data-limit")).distinct().toList();
        assertThat(limiting).containsExactlyInAnyOrderElementsOf(gcm.path("limitedBy").findValuesAsText("host"));
        // grouped by cause, as gcm show groups them: h3 (z13) caps the generation, h2 lacks vxeh2
        List<String> causes = browser.driver.findElements(By.cssSelector("[data-pool='default'] tr[data-cause]")).stream()
                .map(WebElement::getText).toList();
        assertThat(causes).anySatisfy(c -> assertThat(c).startsWith("1 host caps the generation (z13)").endsWith("h3"));
        WebElement view = browser.visible(By.cssSelector("[data-pool='default'] [data-qemu-view]"));
        assertThat(view.getAttribute("data-qemu-view")).isEqualTo(gcm.path("qemuView").path("version").asText());
        assertThat(view.getText()).isEqualTo(gcm.path("qemuView").path("sentence").asText());
    }

    @Test
    void theCpuLineBreaksOnlyBetweenPropertiesAndCopiesWhole() {
        JsonNode gcm = planner.http().get("/api/v1/pools/default/gcm", READER).json();
        String expected = "-cpu " + dev.gcm.facilitydb.json.CpuModelInfoJson.read(gcm.path("qemu"), "$").toCpuArgument();
        WebElement code = browser.visible(By.cssSelector("[data-pool='default'] code.cpu"));
        assertThat(code.getAttribute("data-cpu")).isEqualTo(expected);
        assertThat(code.getText().replaceAll("\\s", "")).isEqualTo(expected.replaceAll("\\s", ""));
        // every property on one line: no span (one property) is taller than a line of text
        Object split = browser.driver.executeScript("const spans = [...arguments[0].querySelectorAll('span')];"
                + " return spans.filter(s => s.getClientRects().length > 1).length;", code);
        assertThat(((Number) split).intValue()).isZero();
        browser.driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", planner.http().toString(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = browser.visible(By.cssSelector("[data-pool='default'] button.copy"));
        copy.click();
        browser.until(d -> "yes".equals(d.findElement(By.cssSelector("[data-pool='default'] button.copy"))
                .getAttribute("data-copied")));
        Object clipboard = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(clipboard).isEqualTo(expected);
    }

    @Test
    void eachTabHasALinkThatSurvivesAReload() {
        tab("hosts");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#hosts");
        browser.driver.navigate().refresh();
        browser.visible(By.cssSelector("#hosts tbody tr"));
        assertThat(browser.driver.findElement(By.id("view-pools")).isDisplayed()).isFalse();
        assertThat(browser.attribute(By.cssSelector("#nav a[data-view='hosts']"), "aria-current")).isEqualTo("page");
        browser.open(planner.http() + "/#heatmap");
        browser.visible(By.cssSelector("[data-testid='heatmap']"));
        browser.driver.navigate().back();
        browser.visible(By.cssSelector("#hosts tbody tr"));
    }

    @Test
    void whatIfOffersToAddAHostLikeThePoolsGcm() {
        tab("whatif");
        String gcm = planner.http().get("/api/v1/pools/default/gcm", READER).json().path("definition").path("name").asText();
        browser.until(d -> gcm.equals(new org.openqa.selenium.support.ui.Select(d.findElement(By.id("whatif-def")))
                .getFirstSelectedOption().getAttribute("value")));
    }

    @Test
    void theDashboardHasAnIcon() {
        String href = browser.driver.findElement(By.cssSelector("link[rel='icon']")).getAttribute("href");
        var icon = planner.http().get(java.net.URI.create(href).getPath(), null);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
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
        // the log is newest first, as gcm decisions prints it: the rejection just made is on top
        browser.until(d -> d.findElements(By.cssSelector("#decisions tbody tr")).stream().findFirst()
                .map(r -> r.getText().contains("gen16a") && r.getText().contains("rejected")).orElse(false));
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
        // each row names its hosts (the first three shown, the rest one click away)
        for (int i = 0; i < api.path("rows").size(); i++) {
            List<String> named = browser.driver.findElements(By.cssSelector("[data-testid='heatmap'] tr[data-row='" + i
                    + "'] [data-host]")).stream().map(e -> e.getAttribute("data-host")).toList();
            List<String> hosts = new java.util.ArrayList<>();
            api.path("rows").get(i).path("hosts").forEach(h -> hosts.add(h.asText()));
            assertThat(named).containsExactlyElementsOf(hosts);
        }
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

    @Test
    void theHostsViewAsksThePlannerForOnePoolStateAndSelector() {
        tab("hosts");
        browser.until(d -> d.findElements(By.cssSelector("#hosts tbody tr")).size() >= 3);
        WebElement selector = browser.visible(By.id("host-selector"));
        selector.sendKeys("zone notin (a)");
        selector.sendKeys(Keys.ENTER);
        browser.until(d -> d.findElements(By.cssSelector("#hosts tbody tr")).stream().map(r -> r.getAttribute("data-host"))
                .toList().equals(List.of("h2")));
        assertThat(browser.driver.findElement(By.cssSelector("#hosts tbody tr")).getText()).contains("zone=b");
        selector.clear();
        selector.sendKeys("zone in (a");
        selector.sendKeys(Keys.ENTER);
        browser.until(d -> d.findElement(By.id("host-query-error")).getText().contains("at character"));
        selector.clear();
        selector.sendKeys(Keys.ENTER);
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("host-state"))).selectByValue("cordoned");
        browser.until(d -> d.findElements(By.cssSelector("#hosts tbody tr")).isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("host-state"))).selectByValue("");
        browser.until(d -> d.findElements(By.cssSelector("#hosts tbody tr")).size() >= 3);
    }

    @Test
    void whatIfAddsAHostAsItsMachinePresentsItAndSaysWhyGuestsCannotRunThere() {
        tab("whatif");
        browser.visible(By.cssSelector("[data-whatif='after'] [data-gcm]"));
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("whatif-def"))).selectByValue("z196");
        browser.visible(By.id("whatif-add")).sendKeys(Keys.ENTER);
        browser.until(d -> !d.findElements(By.cssSelector("#whatif-result [data-added='new-1']")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector("#whatif-result [data-added='new-1']")).getText())
                .contains("definition z196 as a KVM host");
        browser.until(d -> !d.findElements(By.cssSelector("#whatif-result [data-guest='db1'] [data-reason='MODEL_TOO_NEW']"))
                .isEmpty());
        // the limits after, grouped by cause: the added z196 caps the generation
        browser.until(d -> d.findElements(By.cssSelector("#whatif-result tr[data-cause='generation']")).stream()
                .anyMatch(r -> r.getText().contains("new-1")));
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("whatif-def"))).selectByValue("like:h3");
    }
}
