"""The book listings, one module each, section by section (tf1gan/listing.py registers them)."""
