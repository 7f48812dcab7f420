"""res191: the records of ITU inter-Sector coordination (PP Resolution 191) and tools over them."""

__version__ = "0.1.0"

__all__ = ["__version__"]
