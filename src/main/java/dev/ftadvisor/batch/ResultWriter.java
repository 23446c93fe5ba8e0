package dev.ftadvisor.batch;

import java.io.IOException;

/** Writes results one at a time, in input order, as they are decided; {@link #finish()} ends the file. */
public interface ResultWriter {
    void write(BatchResult result) throws IOException;

    void finish() throws IOException;
}
