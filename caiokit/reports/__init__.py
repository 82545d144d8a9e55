"""Reports the course writes for people to read and keep: plain text, no widgets, no charts."""
