package dev.ftadvisor.batch;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Records done, rate, ETA and errors so far, on stderr; {@link #NONE} when stderr is not a terminal. */
public interface Progress extends AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void done(long records, long errors) {
        }

        @Override
        public void close() {
        }
    };

    void done(long records, long errors);

    @Override
    void close();

    /** A progress bar; {@code total} is -1 when unknown (stdin), which drops the ETA. */
    static Progress bar(long total, PrintStream err) {
        ProgressBar pb = new ProgressBarBuilder()
                .setTaskName("batch")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .setUnit(" rec", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .build();
        return new Progress() {
            private long lastErrors = -1;

            @Override
            public void done(long records, long errors) {
                pb.stepTo(records);
                if (errors != lastErrors) {
                    pb.setExtraMessage(" errors: " + errors);
                    lastErrors = errors;
                }
            }

            @Override
            public void close() {
                pb.close();
            }
        };
    }
}
