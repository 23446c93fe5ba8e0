package dev.ftadvisor.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ftadvisor.i18n.Texts;
import dev.ftadvisor.input.InputException;
import dev.ftadvisor.input.ProposalInput;
import dev.ftadvisor.input.ProposalResolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code consult --interactive}: asks for each fact the proposal lacks that changes the answer (the
 * guide's "be clear about the needs", choose.needs), one at a time, showing the default and why the
 * fact matters. Each answer is checked on the spot by the same {@link ProposalResolver} that checks
 * files, so the messages are the CLI's; a bad answer is explained and asked again.
 */
final class Interview {
    /** One question: the field it fills (as the resolver names it), whether it is missing, how to set it. */
    private record Question(String key, String field, Predicate<ProposalInput> missing, String defaultShown,
                            BiConsumer<ProposalInput, String> set, BiConsumer<ProposalInput, Void> clear) {
    }

    private final ProposalResolver resolver;
    private final Texts t;
    private final BufferedReader in;
    private final PrintWriter out;

    Interview(ProposalResolver resolver, Texts texts, Reader in, PrintWriter out) {
        this.resolver = resolver;
        this.t = texts;
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        this.out = out;
    }

    private List<Question> questions() {
        return List.of(
                new Question("ask.model", "model", p -> p.model == null && p.parametersBillions == null, null,
                        (p, a) -> p.model = a, (p, v) -> p.model = null),
                new Question("ask.method", "method", p -> p.method == null, "lora",
                        (p, a) -> p.method = a, (p, v) -> p.method = null),
                new Question("ask.tokens", "dataset", p -> p.dataset == null, null,
                        (p, a) -> {
                            p.dataset = new ProposalInput.Dataset();
                            p.dataset.tokens = TextNode.valueOf(a);
                        }, (p, v) -> p.dataset = null),
                new Question("ask.seqLen", "sequenceLength", p -> p.sequenceLength == null, "2048",
                        (p, a) -> p.sequenceLength = number("sequenceLength", a, Integer::valueOf, "ask.integer"), (p, v) -> p.sequenceLength = null),
                new Question("ask.epochs", "epochs", p -> p.epochs == null, "3",
                        (p, a) -> p.epochs = number("epochs", a, Double::valueOf, "ask.number"), (p, v) -> p.epochs = null),
                new Question("ask.budget", "budgetUsd", p -> p.budgetUsd == null, null,
                        (p, a) -> p.budgetUsd = number("budgetUsd", a.replace("$", "").replace(",", ""), Double::valueOf, "ask.number"),
                        (p, v) -> p.budgetUsd = null),
                new Question("ask.deadline", "deadlineHours", p -> p.deadlineHours == null, null,
                        (p, a) -> p.deadlineHours = number("deadlineHours", a, Double::valueOf, "ask.number"), (p, v) -> p.deadlineHours = null),
                new Question("ask.region", "region", p -> p.region == null, null,
                        (p, a) -> p.region = a, (p, v) -> p.region = null),
                new Question("ask.spot", "spotAllowed", p -> p.spotAllowed == null, null,
                        (p, a) -> p.spotAllowed = yesNo(a), (p, v) -> p.spotAllowed = null));
    }

    /** Asks every question whose fact {@code input} lacks, filling it in; returns when all are answered. */
    void complete(ProposalInput input) {
        out.println(t.get("ask.intro"));
        for (Question q : questions()) {
            if (q.missing().test(input)) ask(q, input);
        }
        out.println();
        out.flush();
    }

    private void ask(Question q, ProposalInput input) {
        while (true) {
            out.println();
            out.println(t.get(q.key()));
            out.println("  (" + t.get(q.key() + ".why") + ")");
            out.print("  [" + t.get("ask.default") + ": " + (q.defaultShown() == null ? t.get("ask.none") : q.defaultShown()) + "] > ");
            out.flush();
            String answer = readLine();
            try {
                if (!answer.isEmpty()) q.set().accept(input, answer);
                resolver.resolve(input, "interactive");
                return;
            } catch (InputException e) {
                // Only this question's field is asked again; a problem elsewhere (a bad file) stops here.
                if (e.field() == null || !e.field().startsWith(q.field())) throw e;
                q.clear().accept(input, null);
                out.println(t.get("ask.invalid", e.localized(t.lang())));
            }
        }
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) throw new InputException("interactive", "the terminal closed before every question was answered");
            return line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <N> N number(String field, String text, Function<String, N> parse, String expectedKey) {
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            throw new InputException(field, t.get(expectedKey) + ", got '" + text + "'");
        }
    }

    private Boolean yesNo(String text) {
        String a = text.toLowerCase(Locale.ROOT);
        if (List.of("y", "yes", "true", "是", "允许").contains(a)) return true;
        if (List.of("n", "no", "false", "否", "不允许").contains(a)) return false;
        throw new InputException("spotAllowed", t.get("ask.yesNo") + ", got '" + text + "'");
    }
}
