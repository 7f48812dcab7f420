"""Read-only views of the records for editors: lists, one record with its links, the matrix."""
