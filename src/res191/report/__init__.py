"""The annual report to Council: a context built from the records, rendered by Jinja templates."""
