"""The Python side of the cutout peer comparison (run.py drives it): astropy and fitsio.

`serve` answers one request per stdin line `LIB IMAGE BOXES [WARM_SECONDS [CALLS]]` with
`OK seconds checksum`: the call is first repeated untimed for WARM_SECONDS, then CALLS calls (default
1) are timed back to back and `seconds` is their mean. A call covers opening the file, every cutout
of the box file (copied into a new array, so its pixels sit in memory) and closing; the checksum is the sum of every cutout pixel in float64.

- astropy-section: fits.open(path) (memmap, the default), hdul[0].section[y:y+h, x:x+w] per box.
- astropy-cutout2d: fits.open(path), data = hdul[0].data (memmap), then
  astropy.nddata.Cutout2D(data, position=(x + w // 2, y + h // 2), size=(h, w)).data copied, per
  box: for even sizes Cutout2D centres the box on that pixel, which gives exactly [y:y+h, x:x+w].
- fitsio: fitsio.FITS(path)[0][y:y+h, x:x+w] per box (cfitsio reads each section).

Sky cutouts (a position file sky-*.txt: "radius R", then "ra dec" lines) with the same names:
- astropy-cutout2d: fits.open(path), WCS(header), then per position
  Cutout2D(data, SkyCoord(ra, dec, unit='deg'), 2 * R * u.arcsec, wcs=wcs, mode='partial',
  fill_value=nan).data copied.
- fitsio: WCS(fits.getheader(path)), all_world2pix of every position in one call, the box size from
  proj_plane_pixel_scales and corners ceil(x - w / 2) as Cutout2D places them, then
  fitsio.FITS(path)[0][y:y+h, x:x+w] per position (every position of the benchmark lies inside).
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import request_loop  # noqa: E402  the request loop shared by the Python workers

def boxes(path):
    with open(path) as f:
        return [tuple(int(v) for v in line.split()) for line in f if line.strip()]


def astropy_section(image, bs):
    from astropy.io import fits
    with fits.open(image) as hdul:
        sec = hdul[0].section
        return [np.array(sec[y:y + h, x:x + w]) for x, y, w, h in bs]


def astropy_cutout2d(image, bs):
    from astropy.io import fits
    from astropy.nddata import Cutout2D
    with fits.open(image) as hdul:
        data = hdul[0].data
        return [np.array(Cutout2D(data, (x + w // 2, y + h // 2), (h, w)).data) for x, y, w, h in bs]


def fitsio_slices(image, bs):
    import fitsio
    with fitsio.FITS(image) as f:
        hdu = f[0]
        return [hdu[y:y + h, x:x + w] for x, y, w, h in bs]


def sky_positions(path):
    with open(path) as f:
        radius = float(f.readline().split()[1])
        ra, dec = zip(*[tuple(float(v) for v in line.split()) for line in f if line.strip()])
    return radius, np.array(ra), np.array(dec)


def astropy_cutout2d_sky(image, sky):
    import astropy.units as u
    from astropy.coordinates import SkyCoord
    from astropy.io import fits
    from astropy.nddata import Cutout2D
    from astropy.wcs import WCS
    radius, ra, dec = sky
    with fits.open(image) as hdul:
        data = hdul[0].data
        wcs = WCS(hdul[0].header)
        size = 2 * radius * u.arcsec
        return [np.array(Cutout2D(data, SkyCoord(r, d, unit="deg"), size, wcs=wcs, mode="partial",
                                  fill_value=np.nan).data) for r, d in zip(ra, dec)]


def fitsio_sky(image, sky):
    import fitsio
    from astropy.io import fits
    from astropy.wcs import WCS
    from astropy.wcs.utils import proj_plane_pixel_scales
    radius, ra, dec = sky
    wcs = WCS(fits.getheader(image))
    x, y = wcs.all_world2pix(ra, dec, 0)
    scales = proj_plane_pixel_scales(wcs)
    w = int(np.round(2 * radius / 3600 / scales[0]))
    h = int(np.round(2 * radius / 3600 / scales[1]))
    x0 = np.ceil(x - w / 2).astype(int)
    y0 = np.ceil(y - h / 2).astype(int)
    with fitsio.FITS(image) as f:
        hdu = f[0]
        return [hdu[b:b + h, a:a + w] for a, b in zip(x0, y0)]


SKY_LIBS = {"astropy-cutout2d": astropy_cutout2d_sky, "fitsio": fitsio_sky}
LIBS = {"astropy-section": astropy_section, "astropy-cutout2d": astropy_cutout2d, "fitsio": fitsio_slices}
# untimed calls between a reading's GC and its clock, as in the JVM worker (CutoutHarness.SETTLE_MILLIS)
SETTLE_SECONDS = 0.01


def prepare(p):
    """The cutouts of one request (untimed: the boxes read, the warm-up of p[3] seconds run)."""
    sky = os.path.basename(p[2]).startswith("sky-")
    bs = sky_positions(p[2]) if sky else boxes(p[2])
    cut = (SKY_LIBS if sky else LIBS)[p[0]]
    warm_until = time.perf_counter() + (float(p[3]) if len(p) > 3 else 0.0)
    while time.perf_counter() < warm_until:
        cut(p[1], bs)
    return lambda: cut(p[1], bs)


def main():
    import astropy.io.fits  # noqa: F401  (imports before the first timed request)
    import astropy.nddata  # noqa: F401
    import astropy.coordinates  # noqa: F401
    import astropy.wcs  # noqa: F401
    import fitsio  # noqa: F401
    request_loop.serve(prepare, checksum=lambda keep: repr(float(sum(np.sum(c, dtype=np.float64) for c in keep))),
                       repeats=lambda p: int(p[4]) if len(p) > 4 else 1, settle_seconds=SETTLE_SECONDS)


if __name__ == "__main__":
    main()
