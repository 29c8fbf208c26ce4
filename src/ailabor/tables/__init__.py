"""One module per published table: what it needs, and how it is built."""
