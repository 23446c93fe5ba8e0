package dev.ftadvisor.input;

import dev.ftadvisor.model.ModelSpec;
import dev.ftadvisor.model.Proposal;

import java.util.List;

/** A validated proposal, the model architecture it uses and the assumptions made to complete it. */
public record ResolvedProposal(Proposal proposal, ModelSpec model, List<Assumption> assumptions) {
}
