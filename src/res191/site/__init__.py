"""`res191 site`: the inter-Sector coordination web pages, built from the records as static files."""
