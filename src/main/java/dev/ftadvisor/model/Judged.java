package dev.ftadvisor.model;

/**
 * What a rule can judge on its own: a {@link Configuration} (the hardware) or a {@link Candidate} (that
 * hardware under one pricing model). Findings about one name it by its key.
 */
public interface Judged {
    String getKey();
}
