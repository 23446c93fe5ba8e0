package dev.ftadvisor.cli;

/** The contract's exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A batch finished but some input records were invalid. */
    public static final int INVALID_RECORDS = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** The rules folder does not compile or fails lint. */
    public static final int RULES_BROKEN = 3;
    /** A bug of ours (sysexits' EX_SOFTWARE): reported with what and where, to be reported upstream. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
