package dev.ftadvisor.catalog;

import java.io.IOException;

/** An importer of one published price format. */
public interface PriceFeed {
    /** The id given to {@code --source}: aws, azure, skypilot-gcp, skypilot-lambda, skypilot-aws, gpuhunt. */
    String id();

    /** Reads the feed; rows the filters drop are counted in the result with the reason. */
    FeedResult read(FeedInput in) throws IOException;
}
