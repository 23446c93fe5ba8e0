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
            // the classification rules (classes.drl) derive a fact and say nothing: no message to translate
            if (rule.get("id").asText().startsWith("classes.")) continue;
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

    /** A raw HTTP/1.1 exchange: what the JDK client will not do (chunked bodies by hand, sending slowly). */
    static String raw(TestServer server, String head, byte[] body, int readTimeoutMillis) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(readTimeoutMillis);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (java.io.IOException closedWhileSending) {
                // the server answered and closed before the whole body was sent: read what it said
            }
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.net.SocketException reset) {
            return "reset: " + reset.getMessage();
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String chunk = "{\"id\":\"" + "x".repeat(1000);
        for (int i = 0; i < 6; i++) chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        chunks.append("0\r\n\r\n");
        String answer = raw(server, "POST /api/consult HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunks.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), 10_000);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("over the limit of 4096 bytes");
        assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void slowBodiesNeitherHoldWorkersNorOutliveTheBodyTimeout() throws Exception {
        // 2 workers, a 1.5 s body deadline: 12 clients that never finish their body must not stop a consultation
        try (TestServer small = new TestServer(new AdvisorServer.Limits(2, 1, 4, 60_000, 4096, 1_500))) {
            java.util.List<java.net.Socket> stalled = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    java.net.Socket s = new java.net.Socket("127.0.0.1", small.server.port());
                    s.getOutputStream().write(("POST /api/consult HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{\"mo")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    stalled.add(s);
                }
                HttpResponse<String> r = small.post("/api/consult", "{\"model\":\"llama-3-8b\",\"dataset\":{\"tokens\":\"20M\"}}");
                assertThat(r.statusCode()).isEqualTo(200);
                // past the deadline the stalled connections are closed by the server
                java.net.Socket first = stalled.get(0);
                first.setSoTimeout(10_000);
                assertThat(first.getInputStream().read()).isEqualTo(-1);
            } finally {
                for (java.net.Socket s : stalled) s.close();
            }
        }
    }

    @Test
    void everyBadParameterOrBodyIs400NeverA500() throws Exception {
        assertThat(server.get("/?lang=xx").statusCode()).isEqualTo(400);
        for (String body : new String[]{"{\"model\":\"llama-3-8b\",\"training\":{\"loraTargets\":[null]}}",
                "{\"model\":\"llama-3-8b\",\"budgetUsd\":\" \"}", "{\"model\":\"llama-3-8b\",\"providers\":[]}", "\u0000", ""}) {
            HttpResponse<String> r = server.post("/api/consult", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(body).doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void healthTellsHowBusyTheConsultationsAre() throws Exception {
        JsonNode h = JSON.readTree(server.get("/healthz").body());
        assertThat(h.get("consultations").get("threads").asInt()).isEqualTo(2);
        assertThat(h.get("consultations").get("queue").asInt()).isEqualTo(16);
        assertThat(new ConsultService.Load(2, 2, 16, 16).state()).isEqualTo("saturated");
        assertThat(new ConsultService.Load(2, 2, 3, 16).state()).isEqualTo("busy");
        assertThat(new ConsultService.Load(1, 2, 0, 16).state()).isEqualTo("ok");
    }
}
