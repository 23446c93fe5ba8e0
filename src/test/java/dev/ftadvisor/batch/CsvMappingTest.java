package dev.ftadvisor.batch;

import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvMappingTest {
    @Test
    void headerNamesMapToContractFieldsIncludingNestedOnes() {
        CsvMapping m = CsvMapping.of("id,model,method,tokens,sequenceLength,epochs,budgetUsd,deadlineHours,region,"
                + "providers,spotAllowed,training.loraRank,training.loraTargets,dataset.avgTokensPerExample");
        ProposalInput in = m.toInput("x1,llama-3-8b,lora,20M,4096,2.5,500,48,us,aws;gcp,false,16,q_proj|v_proj,");
        assertThat(in.id).isEqualTo("x1");
        assertThat(in.dataset.tokens.asText()).isEqualTo("20M");
        assertThat(in.sequenceLength).isEqualTo(4096);
        assertThat(in.epochs).isEqualTo(2.5);
        assertThat(in.budgetUsd).isEqualTo(500.0);
        assertThat(in.providers).containsExactly("aws", "gcp");
        assertThat(in.spotAllowed).isFalse();
        assertThat(in.training.loraRank).isEqualTo(16);
        assertThat(in.training.loraTargets).containsExactly("q_proj", "v_proj");
        assertThat(in.dataset.avgTokensPerExample).isNull();
    }

    @Test
    void quotedCellsKeepTheirCommas() {
        ProposalInput in = CsvMapping.of("id,model").toInput("\"a, b\",mistral-7b");
        assertThat(in.id).isEqualTo("a, b");
    }

    @Test
    void badCellsNameTheColumn() {
        CsvMapping m = CsvMapping.of("model,budgetUsd,sequenceLength,spotAllowed");
        assertThatThrownBy(() -> m.toInput("llama-3-8b,lots,2048,true"))
                .isInstanceOf(InputException.class).hasMessage("budgetUsd: expected a number, got 'lots'");
        assertThatThrownBy(() -> m.toInput("llama-3-8b,5,2048.5,true"))
                .isInstanceOf(InputException.class).hasMessage("sequenceLength: expected a whole number, got '2048.5'");
        assertThatThrownBy(() -> m.toInput("llama-3-8b,5,2048,maybe"))
                .isInstanceOf(InputException.class).hasMessage("spotAllowed: expected true or false, got 'maybe'");
        assertThatThrownBy(() -> m.toInput("llama-3-8b,5"))
                .isInstanceOf(InputException.class).hasMessageContaining("expected 4 columns");
        assertThat(CsvMapping.of("ID,budgetUsd").idOf("row-9,lots")).as("an invalid row still names itself").isEqualTo("row-9");
    }

    @Test
    void anUnknownColumnMakesEveryRowAnErrorNamingIt() {
        CsvMapping m = CsvMapping.of("model,budget");
        assertThatThrownBy(() -> m.toInput("llama-3-8b,500"))
                .isInstanceOf(InputException.class).hasMessageContaining("header: unknown column 'budget'")
                .hasMessageContaining("budgetUsd");
    }
}
