package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code catalog update} end to end on the recorded feed excerpts (src/test/resources/catalog-feeds); no network. */
class CatalogUpdateCommandTest {
    static final Path FEEDS = Path.of("src/test/resources/catalog-feeds");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path facts;

    /** The project's facts folder with the fixture instances.json (rows copied from the catalog of 2026-12-02). */
    @BeforeEach
    void factsFolder() throws IOException {
        copyFacts(facts);
    }

    static void copyFacts(Path to) throws IOException {
        Files.createDirectories(to.resolve("schema"));
        try (Stream<Path> files = Files.list(Path.of("facts"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
        try (Stream<Path> files = Files.list(Path.of("facts/schema"))) {
            for (Path f : files.toList()) Files.copy(f, to.resolve("schema").resolve(f.getFileName()));
        }
        Files.copy(FEEDS.resolve("facts/instances.json"), to.resolve("instances.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private RulesCommandTest.Run update(String... more) {
        List<String> args = new ArrayList<>(List.of("catalog", "update", "--facts", facts.toString()));
        if (!List.of(more).contains("--as-of")) args.addAll(List.of("--as-of", "2026-12-10"));
        args.addAll(List.of(more));
        return RulesCommandTest.run(args.toArray(String[]::new));
    }

    private static String feed(String rel) {
        return FEEDS.resolve(rel).toString();
    }

    @Test
    void gcpSkyPilotDryRunAddsHostAndGpuPricesAndRefusesCommitmentLikeGpuPrices() {
        RulesCommandTest.Run r = update("--dry-run", "--from", feed("skypilot/gcp/vms.csv"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("feed skypilot-gcp")
                .contains("dropped: TPU rows 1")
                // us-central1 A100-80GB x1: GPU on-demand 1.8462 under its spot 1.964 (host + GPU would be 2.94582, not ~5.07)
                .contains("gcp a2-ultragpu-1g us-central1: the feed's on-demand price for 1x A100-80GB (1.8462) is below its spot price (1.964)")
                // europe-west4 A100-80GB x8: GPU on-demand 16.26278 under its spot 17.3008
                .contains("gcp a2-ultragpu-8g europe-west4: the feed's on-demand price for 8x A100-80GB (16.26278) is below its spot price (17.3008)")
                .contains("not in feed, kept")
                .contains("  gcp a3-highgpu-8g us-central1")
                .contains("  gcp a3-highgpu-8g us-east4")
                .contains("gcp a3-highgpu-1g: 26.0 vCPU, 234.0 GiB")
                .contains("(host only, GPUs extra)")
                .doesNotContain("a3-edgegpu")
                .contains("gcp a2-ultragpu-1g [eu]: europe-west4")
                .contains("nothing written");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_RECORDS);
    }

    @Test
    void awsOfferFileAndSkyPilotSpotDryRun() {
        RulesCommandTest.Run r = update("--dry-run", "--from", feed("aws/index-us-east-1.json"),
                "--from", feed("skypilot/aws/vms.csv"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("feed aws")
                .containsPattern("dropped: .*Capacity Block 1.*Dedicated/Host tenancy 1.*Windows 1")
                .contains("capacity reservation 1").contains("licensed OS (RHEL) 1")
                .contains("Local Zone / Wavelength AZ 1")
                // the lowest ordinary AZ spot (az1 2.4655) is 11% of on-demand: refused, the rest of the row refreshed
                .contains("aws p4d.24xlarge us-east-1: spot 2.4655 is 11% of on-demand 21.957642, under the 15% floor")
                // p5: reserved 1yr No Upfront standard; the Atlanta Local Zone's 12.5 is not taken
                .contains("aws p3.2xlarge us-east-1: spot 0.3707 is 12% of on-demand 3.06").doesNotContain("12.5 ")
                .contains("summary: 0 price moves, 2 rows unchanged")
                .contains("aws g6e.xlarge: 1 GPU (48 GB), 4 vCPU, 32 GiB; regions us-east-1; on-demand 1.861 in us-east-1");
        assertThat(r.exit()).isEqualTo(ExitCodes.INVALID_RECORDS);
    }

    @Test
    void azurePagesDryRunTakesLinuxPricesOnly() {
        RulesCommandTest.Run r = update("--dry-run", "--from", feed("azure/retail-prices-page1.json"),
                "--from", feed("azure/retail-prices-page2.json"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("azure Standard_NC48ads_A100_v4 eastus: on-demand 9.554 -> 7.346")
                .contains("azure Standard_NC24ads_A100_v4 eastus: spot - -> 0.7345")
                .contains("azure Standard_NC24ads_A100_v4 eastus: reserved - -> 2.313927")
                .contains("DevTestConsumption 1").contains("Low Priority meter 1").contains("Windows 2").contains("Windows 1")
                .contains("non-USD currency (EUR) 1").contains("reservation term other than 1 Year 1")
                .contains("azure Standard_ND96isr_H200_v5: Azure Standard_ND96isr_H200_v5")
                .doesNotContain("Standard_D4s_v5:")
                .doesNotContain("4.773").doesNotContain("19.108");
        assertThat(r.exit()).isZero();
    }

    @Test
    void lambdaAndGpuhuntDryRun() {
        RulesCommandTest.Run r = update("--dry-run", "--from", feed("skypilot/lambda/vms.csv"), "--from", feed("gpuhunt/gcp.csv"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains("feed skypilot-lambda").contains("no GPU 1")
                .contains("lambda gpu_8x_v100_n: 8x V100, 88.0 vCPU, 448.0 GiB")
                .contains("lambda gpu_1x_a6000 [eu]: europe-central-1")
                .doesNotContain("me-west-1 [")
                .contains("feed gpuhunt-gcp").contains("DWS calendar-mode price 1")
                .doesNotContain("43.79");
        assertThat(r.exit()).isZero();
    }

    @Test
    void noTrapPriceEverEntersTheCatalog() throws IOException {
        RulesCommandTest.Run r = update("--add-regions", "--from", feed("skypilot/gcp/vms.csv"), "--from", feed("skypilot/aws/vms.csv"),
                "--from", feed("skypilot/lambda/vms.csv"), "--from", feed("gpuhunt/gcp.csv"), "--from", feed("aws/index-us-east-1.json"),
                "--from", feed("azure/retail-prices-page1.json"), "--from", feed("azure/retail-prices-page2.json"));
        assertThat(r.out()).contains("written: ");
        String text = Files.readString(facts.resolve("instances.json"));
        JsonNode rows = JSON.readTree(text).path("instances");
        List<Double> prices = new ArrayList<>();
        for (JsonNode row : rows) {
            for (String f : List.of("onDemandUsdHour", "spotUsdHour", "reservedUsdHour")) {
                if (row.path(f).isNumber()) prices.add(row.path(f).asDouble());
            }
        }
        // Windows (4.773, 9.554 written before as a bug, 19.108, 26.373642), RHEL 55.328, Dedicated 24.153406,
        // Capacity Block 31.464, DWS 43.79, Low Priority 0.7346, DevTest 2.4, reservation totals 20270 / 39000,
        // convertible RI 29.1, a commitment-like GCP GPU price (2.94582 / 25.94681), a Local Zone spot 12.5
        assertThat(prices).doesNotContain(4.773, 9.554, 19.108, 26.373642, 55.328, 24.153406, 31.464, 43.79, 0.7346, 2.4,
                20270.0, 39000.0, 29.1, 2.94582, 25.94681, 12.5, 2.4655);
        assertThat(text).contains("\"asOf\": \"2026-12-10\"");
        // lambda gpu_1x_a6000 gains an eu row (specs copied), me-west-1 has no region group
        assertThat(rows.findValuesAsText("regions").size()).isPositive();
        assertThat(text).contains("europe-central-1").doesNotContain("me-west-1");
    }

    @Test
    void writeIsAtomicAndKeepsTheOldFile() throws IOException {
        String before = Files.readString(facts.resolve("instances.json"));
        RulesCommandTest.Run r = update("--from", feed("azure/retail-prices-page1.json"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("written: ").contains("instances.json.2026-12-02.bak");
        assertThat(Files.readString(facts.resolve("instances.json.2026-12-02.bak"))).isEqualTo(before);
        JsonNode row = find(JSON.readTree(facts.resolve("instances.json").toFile()), "Standard_NC48ads_A100_v4");
        assertThat(row.path("onDemandUsdHour").asDouble()).isEqualTo(7.346);
        assertThat(row.path("asOf").asText()).isEqualTo("2026-12-10");
        assertThat(row.path("source").asText()).startsWith("price feed: azure ").contains("(on-demand)");
        assertThat(row.path("quote").asText()).startsWith("FEED ROW: on-demand 7.346: azure meterName 'NC48ads A100 v4'");
        assertThat(row.path("gpu").asText()).isEqualTo("A100-80GB-PCIe"); // curated specs untouched
        try (Stream<Path> left = Files.list(facts)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        // a second run keeps the first backup and names the next one
        RulesCommandTest.Run again = update("--as-of", "2026-12-11", "--from", feed("azure/retail-prices-page2.json"));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(facts.resolve("instances.json.2026-12-02.bak"))).isEqualTo(before);
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        String before = Files.readString(facts.resolve("instances.json"));
        update("--dry-run", "--from", feed("azure/retail-prices-page1.json"));
        assertThat(Files.readString(facts.resolve("instances.json"))).isEqualTo(before);
        try (Stream<Path> files = Files.list(facts)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".bak"));
        }
    }

    @Test
    void withoutNetworkOneLineExit2AndNothingChanged() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String before = Files.readString(facts.resolve("instances.json"));
        RulesCommandTest.Run r = update("--from", "http://127.0.0.1:" + port + "/api/retail/prices");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("error: cannot read http://127.0.0.1:" + port)
                .contains("nothing changed").doesNotContain("\n").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(facts.resolve("instances.json"))).isEqualTo(before);
    }

    @Test
    void badArgumentsExit2() {
        RulesCommandTest.Run missing = update("--from", "no/such/feed.json");
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("--from no/such/feed.json: no such file");
        RulesCommandTest.Run source = update("--source", "alibaba", "--from", feed("gpuhunt/gcp.csv"));
        assertThat(source.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(source.err()).contains("--source: expected one of aws, azure");
    }

    private static JsonNode find(JsonNode root, String type) {
        for (JsonNode row : root.path("instances")) if (type.equals(row.path("instanceType").asText())) return row;
        throw new AssertionError(type);
    }
}
