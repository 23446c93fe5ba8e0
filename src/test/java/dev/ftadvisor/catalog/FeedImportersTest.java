package dev.ftadvisor.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each importer on its recorded excerpt (src/test/resources/catalog-feeds, see the README there). */
class FeedImportersTest {
    static final Path FEEDS = Path.of("src/test/resources/catalog-feeds");

    static FeedResult read(PriceFeed feed, String rel) throws IOException {
        return feed.read(FeedInput.of(FEEDS.resolve(rel).toString(), FeedFetcher.standard()));
    }

    static List<FeedQuote> quotes(FeedResult r, String type, FeedQuote.Kind kind) {
        return r.quotes().stream().filter(q -> type.equals(q.instanceType()) && q.kind() == kind).toList();
    }

    @Test
    void awsOfferFileKeepsLinuxSharedOnDemandAndOneYearNoUpfrontStandard() throws IOException {
        FeedResult r = read(new AwsOfferFileFeed(), "aws/index-us-east-1.json");
        assertThat(quotes(r, "p4d.24xlarge", FeedQuote.Kind.ON_DEMAND)).singleElement()
                .satisfies(q -> {
                    assertThat(q.usdPerHour()).isEqualTo(21.957642);
                    assertThat(q.region()).isEqualTo("us-east-1");
                    assertThat(q.gpuCount()).isEqualTo(8);
                    assertThat(q.row()).contains("sku H7NGEAC6UEHNTKSJ").contains("Linux, tenancy Shared");
                });
        assertThat(quotes(r, "p5.48xlarge", FeedQuote.Kind.RESERVED)).singleElement().satisfies(q -> {
            assertThat(q.usdPerHour()).isEqualTo(34.6752);
            assertThat(q.termMonths()).isEqualTo(12);
            assertThat(q.row()).contains("1yr No Upfront standard");
        });
        assertThat(quotes(r, "p4d.24xlarge", FeedQuote.Kind.RESERVED)).isEmpty(); // only the Windows sku has one
        assertThat(r.quotes()).extracting(FeedQuote::usdPerHour)
                .doesNotContain(26.373642, 55.328, 24.153406, 31.464, 29.1, 17.9, 0.0);
        assertThat(r.dropped()).containsEntry("Windows", 1).containsEntry("licensed OS (RHEL)", 1)
                .containsEntry("Dedicated/Host tenancy", 1).containsEntry("capacity reservation", 1)
                .containsEntry("Capacity Block", 1);
        assertThat(r.rowsRead()).isEqualTo(8); // the Storage product is not an instance
    }

    @Test
    void azureRetailPagesKeepLinuxConsumptionSpotAndHourlyOneYearReservation() throws IOException {
        FeedResult r = read(new AzureRetailFeed(), "azure/retail-prices-page1.json");
        assertThat(quotes(r, "Standard_NC24ads_A100_v4", FeedQuote.Kind.ON_DEMAND)).extracting(FeedQuote::usdPerHour)
                .containsExactly(3.673);
        assertThat(quotes(r, "Standard_NC24ads_A100_v4", FeedQuote.Kind.SPOT)).extracting(FeedQuote::usdPerHour)
                .containsExactly(0.7345);
        assertThat(quotes(r, "Standard_NC24ads_A100_v4", FeedQuote.Kind.RESERVED)).singleElement().satisfies(q -> {
            assertThat(q.usdPerHour()).isCloseTo(20270.0 / 8760, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(q.termMonths()).isEqualTo(12);
            assertThat(q.row()).contains("/ 8760 h");
        });
        assertThat(quotes(r, "Standard_NC48ads_A100_v4", FeedQuote.Kind.ON_DEMAND)).extracting(FeedQuote::usdPerHour)
                .containsExactly(7.346); // the Windows 9.554 is dropped
        assertThat(r.dropped()).containsEntry("Windows", 2).containsEntry("DevTestConsumption", 1)
                .containsEntry("Low Priority meter", 1).containsEntry("non-USD currency (EUR)", 1)
                .containsEntry("reservation term other than 1 Year", 1);
    }

    @Test
    void azureFilePagesDoNotFollowNextPageLink() throws IOException {
        // page 1 names a NextPageLink on prices.azure.com: a file feed never follows it (no network in tests)
        FeedResult r = read(new AzureRetailFeed(), "azure/retail-prices-page1.json");
        assertThat(r.quotes()).noneMatch(q -> q.instanceType().equals("Standard_NC96ads_A100_v4"));
    }

    @Test
    void skyPilotGcpSeparatesHostRowsFromGpuRowsAndSkipsTpus() throws IOException {
        FeedResult r = read(new SkyPilotCsvFeed("gcp"), "skypilot/gcp/vms.csv");
        assertThat(quotes(r, "a2-ultragpu-1g", FeedQuote.Kind.ON_DEMAND)).allMatch(FeedQuote::hostOnly)
                .extracting(FeedQuote::usdPerHour).contains(1.09962, 1.2105);
        assertThat(r.quotes()).filteredOn(FeedQuote::isAccelerator)
                .anySatisfy(q -> {
                    assertThat(q.accelerator()).isEqualTo("A100-80GB");
                    assertThat(q.acceleratorCount()).isEqualTo(8);
                    assertThat(q.usdPerHour()).isEqualTo(14.76958); // the price of 8 GPUs, not per GPU
                })
                .noneMatch(q -> q.accelerator().startsWith("tpu-"));
        assertThat(r.dropped()).containsEntry("TPU rows", 1);
    }

    @Test
    void skyPilotAwsKeepsSpotOfOrdinaryZonesOnly() throws IOException {
        FeedResult r = read(new SkyPilotCsvFeed("aws"), "skypilot/aws/vms.csv");
        assertThat(r.quotes()).allMatch(q -> q.kind() == FeedQuote.Kind.SPOT);
        assertThat(quotes(r, "p5.48xlarge", FeedQuote.Kind.SPOT)).extracting(FeedQuote::usdPerHour).containsExactly(17.6289);
        assertThat(quotes(r, "p3.2xlarge", FeedQuote.Kind.SPOT)).hasSize(4);
        assertThat(r.dropped()).containsEntry("Local Zone / Wavelength AZ", 1).containsEntry("no GPU", 1);
    }

    @Test
    void skyPilotLambdaReadsOnDemandPerRegion() throws IOException {
        FeedResult r = read(new SkyPilotCsvFeed("lambda"), "skypilot/lambda/vms.csv");
        assertThat(quotes(r, "gpu_1x_a6000", FeedQuote.Kind.ON_DEMAND)).extracting(FeedQuote::region)
                .containsExactlyInAnyOrder("europe-central-1", "us-east-1", "me-west-1");
        assertThat(quotes(r, "gpu_8x_v100", FeedQuote.Kind.ON_DEMAND)).singleElement()
                .satisfies(q -> assertThat(q.gpuCount()).isEqualTo(8));
        assertThat(r.dropped()).containsEntry("no GPU", 1);
    }

    @Test
    void gpuhuntDropsDwsPricesAndFoldsZonesIntoRegions() throws IOException {
        FeedResult r = read(new GpuhuntCsvFeed(null), "gpuhunt/gcp.csv");
        assertThat(r.feed()).isEqualTo("gpuhunt-gcp");
        assertThat(r.quotes()).extracting(FeedQuote::usdPerHour).doesNotContain(43.79);
        assertThat(r.dropped()).containsEntry("DWS calendar-mode price", 1).containsEntry("no GPU", 1);
        assertThat(quotes(r, "a3-highgpu-8g", FeedQuote.Kind.ON_DEMAND)).singleElement().satisfies(q -> {
            assertThat(q.region()).isEqualTo("us-central1");
            assertThat(q.usdPerHour()).isEqualTo(88.49);
        });
        assertThat(quotes(r, "a2-ultragpu-1g", FeedQuote.Kind.SPOT)).extracting(FeedQuote::usdPerHour).containsExactly(2.92788);
    }

    @Test
    void gpuhuntNeedsItsProvider() {
        GpuhuntCsvFeed feed = new GpuhuntCsvFeed(null);
        assertThatThrownBy(() -> read(feed, "skypilot/gcp/vms.csv"))
                .isInstanceOf(dev.ftadvisor.input.InputException.class).hasMessageContaining("does not name its provider");
        assertThatThrownBy(() -> read(new GpuhuntCsvFeed("runpod"), "gpuhunt/gcp.csv"))
                .hasMessageContaining("--provider: expected aws, azure, gcp or lambdalabs");
    }

    @Test
    void formatsAreToldFromContentAndPath() {
        assertThat(PriceFeeds.detect("{\n \"formatVersion\" : \"v1.0\", \"offerCode\" : \"AmazonEC2\"", "x.json")).isEqualTo("aws");
        assertThat(PriceFeeds.detect("{\"BillingCurrency\":\"USD\",\"Items\":[", "page")).isEqualTo("azure");
        assertThat(PriceFeeds.detect("instance_name,location,price,cpu\n", "gcp.csv")).isEqualTo("gpuhunt");
        assertThat(PriceFeeds.detect("InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice\n",
                "vms.csv")).isEqualTo("skypilot-gcp");
        assertThat(PriceFeeds.detect("InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone\n",
                "vms.csv")).isEqualTo("skypilot-aws");
        assertThat(PriceFeeds.detect("InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region,GpuInfo,SpotPrice\n",
                "vms.csv")).isEqualTo("skypilot-lambda");
        assertThat(PriceFeeds.detect("InstanceType,x\n", "catalogs/v8/lambda/vms.csv")).isEqualTo("skypilot-lambda");
        assertThat(PriceFeeds.detect("hello", "x")).isNull();
    }
}
