"""Checks over loaded records; each family of checks yields Diagnostic objects."""
