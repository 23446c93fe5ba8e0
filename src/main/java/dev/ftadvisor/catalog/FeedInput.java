package dev.ftadvisor.catalog;

import dev.ftadvisor.input.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A feed to read: a local file, or a URL fetched over HTTP(S). A URL feed can name further pages
 * (Azure's {@code NextPageLink}); a file feed never follows links.
 */
public abstract class FeedInput {
    private final String where;

    FeedInput(String where) {
        this.where = where;
    }

    /** The file path or URL, as given. */
    public String where() { return where; }

    /** The file's name (the last path segment of a URL). */
    public String name() {
        String w = where.replaceAll("[?#].*$", "");
        int slash = Math.max(w.lastIndexOf('/'), w.lastIndexOf('\\'));
        return slash < 0 ? w : w.substring(slash + 1);
    }

    /** A buffered stream (mark/reset supported, for format detection). */
    public abstract InputStream open() throws IOException;

    /** True when links to further pages may be followed. */
    public abstract boolean followsLinks();

    /** The page at a link this feed named (only for URL feeds). */
    public abstract FeedInput link(String url);

    /** {@code URL} when it starts with http:// or https://, else a file that must exist. */
    public static FeedInput of(String from, FeedFetcher fetcher) {
        if (from.startsWith("http://") || from.startsWith("https://")) {
            return new Url(from, fetcher);
        }
        Path p = Path.of(from);
        if (!Files.isRegularFile(p)) {
            throw new InputException("", "--from " + from + ": no such file (give a file or an http(s):// URL)");
        }
        return new File(p);
    }

    static final class File extends FeedInput {
        private final Path path;

        File(Path path) {
            super(path.toString());
            this.path = path;
        }

        @Override
        public InputStream open() throws IOException {
            return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        }

        @Override
        public boolean followsLinks() { return false; }

        @Override
        public FeedInput link(String url) {
            throw new IllegalStateException("a file feed does not follow links");
        }
    }

    static final class Url extends FeedInput {
        private final FeedFetcher fetcher;

        Url(String url, FeedFetcher fetcher) {
            super(url);
            this.fetcher = fetcher;
        }

        @Override
        public InputStream open() {
            return new BufferedInputStream(fetcher.get(where()), 1 << 16);
        }

        @Override
        public boolean followsLinks() { return true; }

        @Override
        public FeedInput link(String url) {
            return new Url(url, fetcher);
        }
    }
}
