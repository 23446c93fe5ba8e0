package dev.ftadvisor.input;

import dev.ftadvisor.TestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProposalReaderTest {
    @Test
    void readsJsonAndYaml() {
        ProposalInput j = ProposalReader.read("{\"model\":\"llama-3-8b\",\"method\":\"lora\",\"dataset\":{\"tokens\":\"20M\"}}", false);
        assertThat(j.model).isEqualTo("llama-3-8b");
        ProposalInput y = ProposalReader.read("model: mistral-7b\nmethod: qlora\nbudgetUsd: 100\n", true);
        assertThat(y.method).isEqualTo("qlora");
        assertThat(y.budgetUsd).isEqualTo(100.0);
    }

    @Test
    void unknownFieldIsNamedWithTheExpectedOnes() {
        assertThatThrownBy(() -> ProposalReader.read("{\"model\":\"llama-3-8b\",\"budget\":5}", false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown field 'budget'")
                .hasMessageContaining("budgetUsd");
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedType() {
        assertThatThrownBy(() -> ProposalReader.read("{\"model\":\"llama-3-8b\",\"epochs\":\"three\"}", false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("epochs: expected a number");
        assertThatThrownBy(() -> ProposalReader.read("{\"sequenceLength\": 1024.5}", false))
                .hasMessageStartingWith("sequenceLength: expected a whole number");
        assertThatThrownBy(() -> ProposalReader.read("{\"training\": {\"loraRank\": \"big\"}}", false))
                .hasMessageStartingWith("training.loraRank:");
        assertThatThrownBy(() -> ProposalReader.read("{\"spotAllowed\": \"yes\"}", false))
                .hasMessageStartingWith("spotAllowed: expected true or false");
    }

    @Test
    void malformedJsonGivesTheLine() {
        assertThatThrownBy(() -> ProposalReader.read("{\n\"model\": \"x\",\n oops\n}", false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void duplicateKeysAndNonObjectsAreRefused() {
        assertThatThrownBy(() -> ProposalReader.read("{\"model\":\"a\",\"model\":\"b\"}", false))
                .hasMessageContaining("model");
        assertThatThrownBy(() -> ProposalReader.read("[1,2]", false))
                .hasMessageContaining("expected a proposal object");
        assertThatThrownBy(() -> ProposalReader.read("  ", false))
                .hasMessageContaining("empty input");
    }

    @Test
    void errorsAreLocatedInTheirFile() {
        InputException e = new InputException("epochs", "expected a number");
        assertThat(e.in("p.json").getMessage()).isEqualTo("p.json: epochs: expected a number");
        assertThat(TestSupport.catalog()).isNotNull();
    }
}
