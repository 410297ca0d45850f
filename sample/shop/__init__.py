"""A tiny shop: the sample codebase Portalis translates in the README."""
