"""Qt widgets and item models; they call the core, never the reverse."""
