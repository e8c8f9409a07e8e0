"""The eight figures. Each returns a :class:`Figure` against a baseline of the same run.

base.py holds what they share; the figures themselves register in FIGURES when their
module is imported: rendering.py (the pipeline) and serving.py (what readers get).
"""

from bench.figures import rendering, serving
from bench.figures.base import FIGURES, ORDER, Figure

__all__ = ["FIGURES", "ORDER", "Figure", "rendering", "serving"]
