"""The book listings, one module each, section by section (tf1gan/listings/registry.py registers them)."""
