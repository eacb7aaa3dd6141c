"""Small real-looking sites that the MkDocs and Zensical tests build, and how to build them."""
