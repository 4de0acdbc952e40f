"""A stand-in for IPython in the reader's browser (see assets/live/README.md).

ipywidgets imports ``get_ipython``, ``IPython.display`` and ``InteractiveShell`` but needs no shell
to talk to the page: the comm does that. Importing the real IPython there takes about 5 s and
downloads ten more packages, so the in-page runtime ships these few names instead.
"""

from .display import clear_output, display

# The IPython these names stand in for. Matplotlib asks for it (and, from 8.24, leaves the GUI event
# loop to IPython, which suits the page: there is none).
version_info = (8, 24, 0, "")
__version__ = "8.24.0"


def get_ipython() -> None:
    """There is no IPython shell in the page."""
    return None


__all__ = ["__version__", "clear_output", "display", "get_ipython", "version_info"]
