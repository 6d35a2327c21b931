"""Writes the images of the image read and write comparison with astropy (an independent writer),
deterministically, into OUTDIR (default target/images):

  f32-4096.fits     4096 x 4096 float32, standard normal noise
  i16s-4096.fits    4096 x 4096 int16 with BSCALE = 0.01, BZERO = 100 (reads scale to float32)
  rice-4096.fits    4096 x 4096 int16 counts (Poisson, mean 1000, a smooth gradient), RICE_1 tiles
  gzip-4096.fits    the same counts, GZIP_1 tiles
  hcomp-4096.fits   the same counts, HCOMPRESS_1 (lossless, scale 0)
  riceq-4096.fits   the float32 noise plus a gradient, RICE_1 quantised (astropy's default q = 16,
                    SUBTRACTIVE_DITHER_1)

The compressed files are written by astropy through cfitsio's algorithms, with row tiles, as fpack
writes them by default.

Usage: /usr/bin/python3 gen_images.py [OUTDIR]
"""
import os
import sys

import numpy as np
from astropy.io import fits

SIDE = 4096


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "target", "images")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20261204)
    noise = rng.standard_normal((SIDE, SIDE), dtype=np.float32)
    y, x = np.mgrid[0:SIDE, 0:SIDE]
    counts = rng.poisson(1000 + 0.05 * x + 0.02 * y).astype(np.int16)

    def write(name, hdus):
        path = os.path.join(out, name)
        if not os.path.exists(path):
            fits.HDUList(hdus).writeto(path)
            print("wrote", path, os.path.getsize(path))

    write("f32-4096.fits", [fits.PrimaryHDU(noise)])
    scaled = fits.PrimaryHDU(np.clip(noise * 1000, -32000, 32000).astype(np.int16))
    scaled.header["BSCALE"] = 0.01
    scaled.header["BZERO"] = 100.0
    write("i16s-4096.fits", [scaled])
    for name, kind in [("rice", "RICE_1"), ("gzip", "GZIP_1"), ("hcomp", "HCOMPRESS_1")]:
        write(name + "-4096.fits", [fits.PrimaryHDU(), fits.CompImageHDU(counts, compression_type=kind)])
    smooth = noise + (0.001 * x).astype(np.float32)
    write("riceq-4096.fits", [fits.PrimaryHDU(), fits.CompImageHDU(smooth, compression_type="RICE_1")])


if __name__ == "__main__":
    main()
