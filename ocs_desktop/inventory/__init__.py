"""Ingestion: one parsed inventory into the database, in one transaction; offline import."""
