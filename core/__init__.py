"""The lowest layer: Vietnamese text, spreadsheet safety and the error type. No Django models."""
