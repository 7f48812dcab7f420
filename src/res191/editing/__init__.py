"""Commands that write records: create, format, import; each keeps every comment and writes atomically."""
