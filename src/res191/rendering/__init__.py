"""What the Council report and the web pages both render with: the Jinja templates in their sandbox,
the Markdown parser, and the filters that write record text safely into Markdown."""
