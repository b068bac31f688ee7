"""Look and feel that must work for everyone: a focus ring you can see, colours that hold up
in light and dark schemes.

- `install_accessible_style(app)` shows the keyboard focus as a ring in the palette's highlight
  colour (Fusion's own hint is too faint on buttons) that follows the focus from widget to
  widget; on dark palettes it also outlines check boxes and radio buttons, which Fusion draws
  nearly invisible there. Only the ring itself and, on dark palettes, the application have a
  style written in Python: each of its methods is a call from Qt into Python, and a light
  window's paints make none (a table's paint made ~1,400 of them, each waiting for the
  interpreter lock while a worker runs Python).
- `tone(name)` / `tone_css(name)` give the few semantic text colours PeerDesk uses (error,
  muted, warning, success, accent) in a shade readable on the current palette, light or dark.
  Use them instead of hex colours, and relative font sizes instead of fixed ones.
"""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFocusFrame,
    QMenu,
    QMenuBar,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from peerdesk.ui.turns import next_turn

# (on a light background, on a dark background); the light ones pass WCAG AA on white.
TONES: dict[str, tuple[str, str]] = {
    "error": ("#b3261e", "#f2b8b5"),
    "muted": ("#5f6368", "#b4b8bd"),
    "warning": ("#8a5a00", "#f2c265"),
    "success": ("#1e6b35", "#8fd6a1"),
    "accent": ("#1f6f8b", "#86cfe8"),
}
# Background and text of notices such as the demo banner: (light pair, dark pair).
NOTICE: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "warning": (("#fff3c4", "#5c4400"), ("#4a3b0b", "#ffe8a3")),
    "danger": (("#fdecea", "#8c1d18"), ("#5a1f1c", "#ffdad6")),
    "info": (("#e3f4e8", "#14532d"), ("#1d3a27", "#c4ecd0")),
}
FOCUS_RING_WIDTH = 2


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (dark scheme or a dark high-contrast theme)."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone(name: str, palette: QPalette | None = None) -> QColor:
    light, dark = TONES[name]
    return QColor(dark if is_dark(palette) else light)


def tone_css(name: str, palette: QPalette | None = None) -> str:
    """A style sheet fragment, e.g. `label.setStyleSheet(tone_css("error"))`."""
    return f"color: {tone(name, palette).name()};"


def notice_css(kind: str, palette: QPalette | None = None) -> str:
    """Background and text colour of a notice strip ("warning", "danger", "info")."""
    light, dark = NOTICE[kind]
    background, text = dark if is_dark(palette) else light
    return f"background: {background}; color: {text};"


def notice_colours(kind: str, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, text) of a notice, e.g. to paint a table cell."""
    light, dark = NOTICE[kind]
    background, text = dark if is_dark(palette) else light
    return QColor(background), QColor(text)


def scaled_font_css(factor: float, widget: QWidget | None = None) -> str:
    """`font-size` relative to the user's system font, for style sheets (never fixed px/pt)."""
    font = widget.font() if widget is not None else QApplication.font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    return f"font-size: {size * factor:.1f}pt;"


class FocusRingStyle(QProxyStyle):
    """The style of the focus ring's frame only: the ring filled in the highlight colour."""

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            # QFocusFrame masks itself to a ring outside the widget; fill the ring.
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
            return
        super().drawControl(element, option, painter, widget)

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin,
                      QStyle.PixelMetric.PM_FocusFrameVMargin):
            return FOCUS_RING_WIDTH
        return super().pixelMetric(metric, option, widget)


class DarkOutlineStyle(QProxyStyle):
    """The platform style, with check boxes and radio buttons outlined on dark palettes."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        # On dark palettes Fusion outlines check boxes and radio buttons in a shade close to
        # their fill; add an outline in the text colour so they can be seen.
        if element in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                       QStyle.PrimitiveElement.PE_IndicatorRadioButton) and is_dark(option.palette):
            colour = option.palette.color(QPalette.ColorRole.Text)
            colour.setAlphaF(0.55 if option.state & QStyle.StateFlag.State_Enabled else 0.3)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
            if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                painter.drawEllipse(box)
            else:
                painter.drawRoundedRect(box, 2.0, 2.0)
            painter.restore()


def outline_when_dark(target: QApplication | QWidget) -> bool:
    """Give `target` (the application, or one widget) `DarkOutlineStyle` if its palette is
    dark and it has not got it yet. Once given, it stays: it outlines only on dark palettes."""
    if isinstance(target.style(), DarkOutlineStyle) or not is_dark(target.palette()):
        return False
    style = DarkOutlineStyle(QStyleFactory.create(target.style().name()))
    target.setStyle(style)
    style.setParent(target)  # lives as long as `target` (QApplication does so itself)
    return True


class FocusRing(QObject):
    """Moves one `QFocusFrame` to whichever widget has the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRing")
        self._frame: QFocusFrame | None = None
        self._ring_style = FocusRingStyle(QStyleFactory.create(app.style().name()))
        self._ring_style.setParent(self)
        app.focusChanged.connect(self._focus_changed)

    def frame(self) -> QFocusFrame | None:
        if self._frame is not None and not shiboken6.isValid(self._frame):
            self._frame = None  # deleted with the window it last sat in
        return self._frame

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        frame = self.frame()
        if new is None or isinstance(new, QMenu | QMenuBar) or new.isWindow():
            if frame is not None:
                frame.setWidget(None)  # type: ignore[arg-type]  # Qt takes nullptr: detach
            return
        # Buttons, fields, lists… anything reached by Tab; skip click-only widgets.
        if not new.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(
                new, QAbstractButton):
            return
        if frame is None:
            frame = QFocusFrame()
            frame.setObjectName("focusFrame")
            frame.setStyle(self._ring_style)
            self._frame = frame
        frame.setWidget(new)


def install_accessible_style(app: QApplication) -> FocusRing | None:
    """Start showing the focus ring, and outline check boxes while the palette is dark (now
    or after the system's colour scheme changes). macOS draws its own clear focus ring (with
    its own QFocusFrame): left as it is there."""
    if sys.platform == "darwin":
        return None
    existing = app.findChild(FocusRing, "focusRing")
    if existing is not None:
        return existing
    outline_when_dark(app)
    # the palette follows the new scheme after this signal: look on a later turn
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: next_turn(app, lambda: outline_when_dark(app)))
    return FocusRing(app)
