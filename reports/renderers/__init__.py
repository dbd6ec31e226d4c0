"""Renderers turn finished values into bytes. They import neither views nor models."""
