"""Overlapping resolutions, activities and bodies across the Sectors, and what to propose about them."""
