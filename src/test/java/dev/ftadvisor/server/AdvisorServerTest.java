package dev.ftadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdvisorServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(new AdvisorServer.Limits(8, 2, 16, 60_000, 4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bindsLoopbackAndAnswersHealth() throws Exception {
        HttpResponse<String> r = server.get("/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("ok");
        assertThat(JSON.readTree(r.body()).get("rulesVersion").asText()).startsWith("sha256:");
    }

    @Test
    void consultReturnsTheContractReport() throws Exception {
        HttpResponse<String> r = server.post("/api/consult",
                "{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"},\"budgetUsd\":500}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body());
        assertThat(report.get("verdict").asText()).isEqualTo("feasible");
        assertThat(report.get("plans").size()).isPositive();
        assertThat(report.get("findings").get(0).get("rule").asText()).isNotEmpty();
    }

    @Test
    void chineseAndHtmlOnRequest() throws Exception {
        HttpResponse<String> r = server.post("/api/consult?lang=zh&format=html", "{\"model\":\"llama-3-8b\",\"dataset\":{\"tokens\":\"20M\"}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("<section class=\"ftadvisor-report\" lang=\"zh\">").contains("结论");
    }

    @Test
    void badInputIs400WithTheCliFieldMessage() throws Exception {
        for (String body : new String[]{"{\"model\":\"llama-3-8b\",\"epochs\":\"many\"}", "{\"model\":", "{\"modle\":\"x\"}"}) {
            InputException cli = catchThrowableOfType(InputException.class, () -> ProposalReader.read(body, false));
            HttpResponse<String> r = server.post("/api/consult", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo(cli.getMessage());
        }
        HttpResponse<String> r = server.post("/api/consult", "{\"model\":\"llama-3-8b\",\"budgetUsd\":-1}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("budgetUsd");
        assertThat(server.post("/api/consult?lang=fr", "{}").statusCode()).isEqualTo(400);
        assertThat(server.post("/api/consult?format=pdf", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        HttpResponse<String> r = server.post("/api/consult", "{\"id\":\"" + "x".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        // the connection it came on is not reused half-read: the next request is answered normally
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aConsultationPastTheTimeoutIs503() throws Exception {
        // 1 ms: no consultation (a new session judging every candidate instance) finishes that fast
        try (TestServer slow = new TestServer(new AdvisorServer.Limits(4, 1, 4, 1, 4096))) {
            HttpResponse<String> r = slow.post("/api/consult", "{\"model\":\"llama-3-70b\",\"dataset\":{\"tokens\":\"1B\"}}");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(r.body()).get("error").asText()).startsWith("timeout: the consultation took longer than 1 ms");
            assertThat(slow.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestCannotNameRulesOrFiles() throws Exception {
        HttpResponse<String> r = server.post("/api/consult", "{\"model\":\"llama-3-8b\",\"rules\":\"/etc\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo("rules");
    }

    @Test
    void rulesCarryTheirTranslations() throws Exception {
        HttpResponse<String> r = server.get("/api/rules");
        JsonNode rules = JSON.readTree(r.body());
        assertThat(rules.size()).as(r.statusCode() + " " + r.body()).isPositive();
        for (JsonNode rule : rules) {
            assertThat(rule.get("translations").has("zh")).as(rule.get("id").asText()).isTrue();
            assertThat(rule.get("file").asText()).endsWith(".drl");
        }
    }

    @Test
    void catalogListsInstancesAndModels() throws Exception {
        JsonNode c = JSON.readTree(server.get("/api/catalog").body());
        assertThat(c.get("instances").size()).isPositive();
        assertThat(c.get("models").size()).isPositive();
        assertThat(c.get("asOf").asText()).isNotEmpty();
    }

    @Test
    void pageHasTheFormInEitherLanguage() throws Exception {
        HttpResponse<String> en = server.get("/");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<form id=\"proposal\" data-lang=\"en\">").contains("value=\"llama-3-8b\"");
        assertThat(server.get("/?lang=zh").body()).contains("data-lang=\"zh\"").contains("咨询");
        assertThat(server.get("/nothing").statusCode()).isEqualTo(404);
    }
}
