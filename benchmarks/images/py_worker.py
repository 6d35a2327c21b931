"""The Python side of the image read and write comparison (run.py drives it): astropy and fitsio,
timed in-process. One request per stdin line `LIB OP FILE`, answered with `OK seconds checksum`.

- read: astropy: fits.open(path), the first HDU with image data, .data (astropy decompresses and
  scales), copied to native byte order (np.array(..., dtype=native)) as jfits returns native arrays;
  fitsio: fitsio.read(path, ext=that HDU) (native order, scaled).
- write-image: the image of FILE (read once, untimed) written to FILE.out-LIB.fits: astropy
  PrimaryHDU(data).writeto(overwrite=True), fitsio.write(clobber=True); then os.fsync of the file
  (jfits' writer forces the file to disk too).
- write-table: HDU 1 of FILE, every column but the variable-length SPEC (read once with fitsio,
  untimed), written as a binary table: astropy BinTableHDU(data).writeto, fitsio.write; then fsync.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import request_loop  # noqa: E402  the request loop shared by the Python workers

_sources = {}


def image_hdu(hdul):
    for i, h in enumerate(hdul):
        if h.is_image and h.data is not None:
            return i
    raise ValueError("no image")


def ext_of(path):
    """The index of the first HDU with image data, found once (untimed)."""
    if path not in _sources:
        from astropy.io import fits
        with fits.open(path) as hdul:
            _sources[path] = image_hdu(hdul)
    return _sources[path]


def read(lib, path, ext):
    if lib == "astropy":
        from astropy.io import fits
        with fits.open(path) as hdul:
            d = hdul[ext].data
            return np.array(d, dtype=d.dtype.newbyteorder("="))
    import fitsio
    return fitsio.read(path, ext=ext)


def source(op, path):
    key = op + " " + path
    if key not in _sources:
        import fitsio
        if op == "write-table":
            with fitsio.FITS(path) as f:
                names = [n for n in f[1].get_colnames() if n != "SPEC"]
            _sources[key] = fitsio.read(path, ext=1, columns=names)
        else:
            _sources[key] = fitsio.read(path, ext=0)
    return _sources[key]


def write(lib, op, path, data):
    from astropy.io import fits
    import fitsio
    target = path + ".out-" + lib + ".fits"
    if lib == "astropy":
        hdu = fits.PrimaryHDU(data) if op == "write-image" else fits.BinTableHDU(data)
        hdu.writeto(target, overwrite=True)
    else:
        fitsio.write(target, data, clobber=True)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return target


def prepare(p):
    """The read or write of one request; the source data and the HDU index are found untimed."""
    lib, op, path = p
    data = source(op, path) if op.startswith("write") else None
    ext = ext_of(path) if op == "read" else None
    return lambda: read(lib, path, ext) if op == "read" else write(lib, op, path, data)


def main():
    import astropy.io.fits  # noqa: F401
    import fitsio  # noqa: F401
    request_loop.serve(prepare)


if __name__ == "__main__":
    main()
