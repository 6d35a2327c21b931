"""The Python side of the cutout peer comparison (run.py drives it): astropy and fitsio.

`serve` answers one request per stdin line `LIB IMAGE BOXES` with `OK seconds checksum`; the time
covers opening the file, every cutout of the box file (copied into a new array, so its pixels sit in
memory) and closing; the checksum is the sum of every cutout pixel in float64.

- astropy-section: fits.open(path) (memmap, the default), hdul[0].section[y:y+h, x:x+w] per box.
- astropy-cutout2d: fits.open(path), data = hdul[0].data (memmap), then
  astropy.nddata.Cutout2D(data, position=(x + w // 2, y + h // 2), size=(h, w)).data copied, per
  box: for even sizes Cutout2D centres the box on that pixel, which gives exactly [y:y+h, x:x+w].
- fitsio: fitsio.FITS(path)[0][y:y+h, x:x+w] per box (cfitsio reads each section).
"""
import gc
import sys
import time

import numpy as np


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


LIBS = {"astropy-section": astropy_section, "astropy-cutout2d": astropy_cutout2d, "fitsio": fitsio_slices}


def main():
    import astropy.io.fits  # noqa: F401  (imports before the first timed request)
    import astropy.nddata  # noqa: F401
    import fitsio  # noqa: F401
    print("READY", flush=True)
    keep = None
    for line in sys.stdin:
        p = line.split()
        if not p or p[0] == "quit":
            break
        try:
            bs = boxes(p[2])
            keep = None
            gc.collect()
            t0 = time.perf_counter()
            keep = LIBS[p[0]](p[1], bs)
            s = time.perf_counter() - t0
            print("OK %.6f %r" % (s, float(sum(np.sum(c, dtype=np.float64) for c in keep))), flush=True)
        except Exception as e:  # noqa: BLE001
            print("ERR " + repr(e).replace("\n", " "), flush=True)


if __name__ == "__main__":
    main()
