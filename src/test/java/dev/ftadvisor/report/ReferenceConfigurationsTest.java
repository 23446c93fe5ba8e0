package dev.ftadvisor.report;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.engine.Outcome;
import dev.ftadvisor.input.ProposalFiles;
import dev.ftadvisor.model.Candidate;
import dev.ftadvisor.model.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's four reference configurations (guidance.md section 5), each as the bundled example
 * proposal, and the plan a practitioner would rent for it: the report's recommendation must come close
 * to it in GPU, count, pricing, hours and cost.
 */
class ReferenceConfigurationsTest {

    private static Outcome consult(String file) {
        String path = Path.of("facts/proposals", file).toString();
        var input = ProposalFiles.read(path, System.in);
        var resolved = new dev.ftadvisor.input.ProposalResolver(TestSupport.catalog())
                .resolve(input, ProposalFiles.idFromFileName(path));
        return TestSupport.advisor().consult(resolved, false);
    }

    private static Candidate recommended(Outcome o) {
        assertThat(o.picks().recommended()).as("a recommendation").isNotNull();
        return o.picks().recommended();
    }

    @Test
    void llama3EightBLoraRentsOneModernGpuOnDemandForTenToFortyDollars() {
        // config.llama3-8b: 1x A100 (40/80 GB); 20M tokens x 3 epochs of LoRA is a few GPU-hours
        Outcome o = consult("llama3-8b-lora.json");
        Candidate c = recommended(o);
        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE);
        assertThat(c.getTotalGpus()).isEqualTo(1);
        assertThat(c.getPricing()).isEqualTo("on-demand");
        assertThat(c.getGpuMemoryGb()).isGreaterThanOrEqualTo(24);
        assertThat(c.isBf16Supported()).as("a modern (bf16) GPU").isTrue();
        assertThat(c.getCostUsd()).isBetween(5.0, 40.0);
        assertThat(c.getHours()).isBetween(0.5, 12.0);
        assertThat(c.getRegionGroup()).isEqualTo("us");
    }

    @Test
    void llama3SeventyBQloraRentsOneLargeCardRatherThanEightA100s() {
        // config.llama3-70b names 8x A100 80 GB + ZeRO-3; with QLoRA the 4-bit model (~46 GB) fits one
        // 80 GB card, which a practitioner rents for a 40M-token run instead of a node eight times dearer
        Outcome o = consult("llama3-70b-qlora.yaml");
        Candidate c = recommended(o);
        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE);
        assertThat(c.getTotalGpus()).isEqualTo(1);
        assertThat(c.getGpuMemoryGb()).isGreaterThanOrEqualTo(80);
        assertThat(c.getPricing()).isEqualTo("on-demand");
        assertThat(c.getCostUsd()).isBetween(30.0, 300.0);
        assertThat(c.getHours()).isBetween(4.0, 72.0);
    }

    @Test
    void chatglm3SixBPtuningInChinaRentsOneDomesticTwentyFourGigabyteCard() {
        // config.chatglm3-6b: 1x A100 (40 GB) or 2x 3090; P-Tuning of a 6B model needs ~14 GB: a 24 GB
        // card in mainland China (the proposal's region) is what a team there rents
        Outcome o = consult("chatglm3-6b-ptuning.json");
        Candidate c = recommended(o);
        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE);
        assertThat(c.getRegionGroup()).isEqualTo("cn");
        assertThat(c.getProvider()).isEqualTo("aliyun");
        assertThat(c.getTotalGpus()).isEqualTo(1);
        assertThat(c.getGpuMemoryGb()).isBetween(16.0, 48.0);
        assertThat(c.getPricing()).isEqualTo("on-demand");
        assertThat(c.getCostUsd()).isBetween(1.0, 50.0);
    }

    @Test
    void mistralSevenBQloraRentsOneGpuOnDemandForAFewDollars() {
        // config.mistral-7b: 1x A100 (40 GB) for LoRA / QLoRA; 15M tokens of QLoRA is about an hour or two
        Outcome o = consult("mistral-7b-qlora.json");
        Candidate c = recommended(o);
        assertThat(o.verdict().getValue()).isEqualTo(Verdict.FEASIBLE);
        assertThat(c.getTotalGpus()).isEqualTo(1);
        assertThat(c.getPricing()).isEqualTo("on-demand");
        assertThat(c.isBf16Supported()).isTrue();
        assertThat(c.getCostUsd()).isBetween(1.0, 20.0);
        assertThat(c.getHours()).isLessThan(8.0);
    }

    @Test
    void aChineseProposalThatFitsOnlyAbroadIsNotFeasible() {
        Outcome o = TestSupport.advisor().consult(TestSupport.proposal(
                "{\"model\":\"llama-2-70b\",\"method\":\"full\",\"dataset\":{\"tokens\":\"5M\"},\"region\":\"cn\","
                        + "\"budgetUsd\":1000000,\"deadlineHours\":1000}"), false);
        assertThat(o.verdict().getValue()).isNotEqualTo(Verdict.FEASIBLE);
        assertThat(o.acceptedChanges()).anySatisfy(ch -> assertThat(ch.getKind()).isEqualTo("region"));
    }
}
