package dev.ftadvisor.facts;

/** A facts file that is missing, malformed or fails its schema; the message names file and entry. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
