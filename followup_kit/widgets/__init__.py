"""Thin ipywidgets views over the kit: they call the logic and hold none of it.

Each module imports ipywidgets itself, so ``import followup_kit`` never does.
"""
