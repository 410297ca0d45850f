"""A library package whose modules others import."""
