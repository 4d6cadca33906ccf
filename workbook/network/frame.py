"""The network page as a Jupyter widget that changes in place.

:class:`NetworkFrame` holds the page (:func:`workbook.network.view.network_page`) in a
sandboxed frame, like :func:`workbook.network.view.network_iframe`, and posts its
``message`` into the frame whenever it changes: new settings (``{"wb": "state", ...}``) or a
part of the network chosen by a dashboard's filters (``{"wb": "selection", ...}``, see
:func:`workbook.network.view.selection_data`). The page updates its drawing without being
rebuilt, so a filter change is on screen in tens of milliseconds instead of the second a new
page and frame cost.

The front end is a small ES module run by anywidget (no build step, nothing loaded from the
network); the frame keeps running its scripts apart from the page that holds it.
"""

from __future__ import annotations

from importlib import resources

import anywidget
import traitlets


class NetworkFrame(anywidget.AnyWidget):
    """A sandboxed frame showing ``page`` and receiving ``message``.

    Examples
    --------
    >>> frame = NetworkFrame(page="<p>map</p>", height=400, title="Map")
    >>> frame.message = {"wb": "state", "state": {"colour_by": "community"}}
    >>> frame.page, frame.message["wb"]
    ('<p>map</p>', 'state')
    """

    _esm = resources.files("workbook.network").joinpath("network_frame.js").read_text(encoding="utf-8")
    page = traitlets.Unicode("").tag(sync=True)
    message = traitlets.Dict().tag(sync=True)
    height = traitlets.Int(680).tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
