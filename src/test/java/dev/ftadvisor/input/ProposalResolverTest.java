package dev.ftadvisor.input;

import dev.ftadvisor.TestSupport;
import dev.ftadvisor.model.Proposal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalResolverTest {
    @Test
    void resolvesAliasesAndAppliesDefaultsAsAssumptions() {
        ResolvedProposal r = TestSupport.proposal("{\"model\":\"Meta-Llama-3-8B\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"}}");
        Proposal p = r.proposal();
        assertThat(p.getModelId()).isEqualTo("llama-3-8b");
        assertThat(p.getDatasetTokens()).isEqualTo(20_000_000L);
        assertThat(p.getSequenceLength()).isEqualTo(2048);
        assertThat(p.getEpochs()).isEqualTo(3.0);
        assertThat(r.assumptions()).extracting(Assumption::field).contains("sequenceLength", "epochs");
    }

    @Test
    void examplesTimesAverageGiveTokens() {
        Proposal p = TestSupport.proposal("{\"model\":\"mistral-7b\",\"dataset\":{\"examples\":\"50k\",\"avgTokensPerExample\":400}}").proposal();
        assertThat(p.getDatasetTokens()).isEqualTo(20_000_000L);
    }

    @Test
    void missingDatasetIsAssumedAndSaid() {
        ResolvedProposal r = TestSupport.proposal("{\"model\":\"mistral-7b\"}");
        assertThat(r.proposal().isDatasetGiven()).isFalse();
        assertThat(r.assumptions()).extracting(Assumption::field).contains("dataset.tokens", "method");
    }

    @Test
    void unknownModelSuggestsCloseNames() {
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"lama-3-8b\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("model: unknown model 'lama-3-8b'; closest known: ")
                .hasMessageContaining("llama-3-8b");
    }

    @Test
    void unknownModelWithParametersBorrowsAnArchitecture() {
        ResolvedProposal r = TestSupport.proposal("{\"model\":\"my-org/custom-13b\",\"parametersBillions\":13}");
        assertThat(r.proposal().isKnownModel()).isFalse();
        assertThat(r.model().id).isEqualTo("llama-2-13b");
        assertThat(r.assumptions()).extracting(Assumption::field).contains("model architecture");
    }

    @Test
    void absurdAndNegativeNumbersNameTheField() {
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"epochs\":-1}"))
                .hasMessageStartingWith("epochs: expected a value from");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"budgetUsd\":-5}"))
                .hasMessageStartingWith("budgetUsd:");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"sequenceLength\":99999999}"))
                .hasMessageStartingWith("sequenceLength:");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"dataset\":{\"tokens\":\"lots\"}}"))
                .hasMessageStartingWith("dataset.tokens: expected a count such as 20000000, 20M or 1.5B");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"training\":{\"zeroStage\":4}}"))
                .hasMessageStartingWith("training.zeroStage:");
    }

    @Test
    void enumsAndCombinationsAreChecked() {
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"method\":\"dora\"}"))
                .hasMessageStartingWith("method: expected one of");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"providers\":[\"aws\",\"oracle\"]}"))
                .hasMessageStartingWith("providers[1]: expected one of");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"method\":\"full\",\"quantizationBits\":4}"))
                .hasMessageStartingWith("quantizationBits:");
        assertThatThrownBy(() -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"dataset\":{\"examples\":1000}}"))
                .hasMessageStartingWith("dataset.avgTokensPerExample: missing");
        assertThatThrownBy(() -> TestSupport.proposal("{}"))
                .hasMessageStartingWith("model: missing");
    }

    @Test
    void sizesAcceptSuffixes() {
        assertThat(SizeParser.parse("x", "20M")).isEqualTo(2e7);
        assertThat(SizeParser.parse("x", "1.5B")).isEqualTo(1.5e9);
        assertThat(SizeParser.parse("x", "500k")).isEqualTo(5e5);
        assertThat(SizeParser.parse("x", "2e7")).isEqualTo(2e7);
        assertThat(SizeParser.parse("x", "20_000_000")).isEqualTo(2e7);
        assertThatThrownBy(() -> SizeParser.parse("dataset.tokens", "20MB")).hasMessageStartingWith("dataset.tokens:");
    }

    @Test
    void inputErrorsAreToldInChineseWithTheSameFieldAndValues() {
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> TestSupport.proposal("{\"model\":\"mistral-7b\",\"epochs\":-1}"));
        assertThat(e.localized(dev.ftadvisor.i18n.Lang.EN)).isEqualTo(e.getMessage()).startsWith("epochs: expected a value from");
        assertThat(e.localized(dev.ftadvisor.i18n.Lang.ZH)).startsWith("epochs: 应为").contains("-1");
        InputException typed = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> ProposalReader.read("{\"epochs\": \"three\"}", false));
        assertThat(typed.localized(dev.ftadvisor.i18n.Lang.ZH)).isEqualTo("epochs: 应为数字，实际为'three'");
        assertThat(typed.in("p.json").localized(dev.ftadvisor.i18n.Lang.ZH)).isEqualTo("p.json: epochs: 应为数字，实际为'three'");
    }
}
