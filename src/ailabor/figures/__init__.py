"""Figures, one module per topic; each function writes PNG and PDF and returns the paths.

``style`` holds what they share (theme, palettes, ``save``). Importing this package loads
nothing heavy; each topic module loads matplotlib and seaborn.
"""
