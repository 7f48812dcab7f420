"""The report templates, installed with res191 as the package res191.templates (see pyproject.toml)."""
