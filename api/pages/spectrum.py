"""A species' MALDI-TOF masses drawn as a stick spectrum: mass on x, one stick per
reported peak (a band for a range). The source gives positions, not intensities, so
every stick has the same height and the figure says so."""

from xml.sax.saxutils import escape

from api.schemas.maldi import MaldiRead

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 40, 24, 34, 40


def _ticks(low: float, high: float) -> list[float]:
    step = 10 ** len(str(int(max(high - low, 1)))) / 10
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor / 10) <= 6:
            step = step * factor / 10
            break
    first = (low // step + 1) * step
    return [first + i * step for i in range(int((high - first) // step) + 1)]


def stick_spectrum(measurements: list[MaldiRead], *, title: str) -> str | None:
    """Inline SVG markup, or None when no measurement gives a mass."""
    peaks = [
        (m.mass_da, m.mass_low_da, m.mass_high_da, measurement.id)
        for measurement in measurements
        for m in measurement.masses
        if m.mass_da is not None or (m.mass_low_da is not None and m.mass_high_da is not None)
    ]
    if not peaks:
        return None
    ends = [v for p in peaks for v in p[:3] if v is not None]
    low, high = min(ends), max(ends)
    pad = max((high - low) * 0.08, high * 0.02, 50.0)
    low, high = max(low - pad, 0.0), high + pad
    plot_w = WIDTH - LEFT - RIGHT
    base = HEIGHT - BOTTOM

    def x(mass: float) -> float:
        return LEFT + (mass - low) / (high - low) * plot_w

    listed = "; ".join(
        (f"{mass:g} Da" if mass is not None else f"{lo:g}–{hi:g} Da") + f" ({ident})"
        for mass, lo, hi, ident in peaks
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spectrum" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        'aria-labelledby="spectrum-title spectrum-desc">',
        f'<title id="spectrum-title">{escape(title)}</title>',
        f'<desc id="spectrum-desc">Reported MALDI-TOF masses at z = 1 (positions only, no '
        f"intensities): {escape(listed)}.</desc>",
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#333"/>',
    ]
    for tick in _ticks(low, high):
        tx = x(tick)
        out += [
            f'<line x1="{tx:.1f}" y1="{base}" x2="{tx:.1f}" y2="{base + 5}" stroke="#333"/>',
            f'<text x="{tx:.1f}" y="{base + 18}" font-size="11" text-anchor="middle">'
            f"{tick:g}</text>",
        ]
    out.append(
        f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" font-size="12" '
        'text-anchor="middle">m/z (Da, z = 1)</text>'
    )
    for i, (mass, lo, hi, _ident) in enumerate(peaks):
        lift = 14 * (i % 2)
        if mass is not None:
            px = x(mass)
            out += [
                f'<line x1="{px:.1f}" y1="{base}" x2="{px:.1f}" y2="{TOP + lift}" '
                'stroke="#1f3b57" stroke-width="2"/>',
                f'<text x="{px:.1f}" y="{TOP + lift - 4}" font-size="11" '
                f'text-anchor="middle">{mass:g}</text>',
            ]
        elif lo is not None and hi is not None:
            x1, x2 = x(lo), x(hi)
            out += [
                f'<rect x="{x1:.1f}" y="{TOP + lift}" width="{max(x2 - x1, 2):.1f}" '
                f'height="{base - TOP - lift}" fill="#1f3b57" fill-opacity="0.25"/>',
                f'<text x="{(x1 + x2) / 2:.1f}" y="{TOP + lift - 4}" font-size="11" '
                f'text-anchor="middle">{lo:g}–{hi:g}</text>',
            ]
    out.append("</svg>")
    return "\n".join(out)
