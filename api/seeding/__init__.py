"""Curated seed files: their schemas, the validating loader and source coverage."""
