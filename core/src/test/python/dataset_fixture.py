#!/usr/bin/python3
"""Writes a small labelled image set for the dataset tests, with astropy (an independent writer).

Usage: dataset_fixture.py OUTPUT_DIR FILES SOURCES_PER_FILE SEED

OUTPUT_DIR/field-<k>.fits: a 160 x 160 float32 image of Gaussian noise (sigma 1) with sources at
known places, and a NaN pixel in the corner; OUTPUT_DIR/catalog.fits: one binary-table row per
source, columns FILE (name), X, Y (0-based pixel of the centre, ints), CLASS (0: point source, a
Gaussian of sigma 1.0; 1: extended, sigma 3.5; 2: nothing, the noise alone) and FLUX. Sources lie on
a grid, 20 pixels apart, so 16 x 16 stamps never overlap. Deterministic for a given seed.
Prints one line per source, "file x y class sum", the sum being that of its 16 x 16 stamp
image[y-8:y+8, x-8:x+8] as astropy reads it (float64 sum of the float32 pixels; stamps hold no NaN).
"""
import os
import sys

import numpy as np
from astropy.io import fits


def main():
    out, files, per_file, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rng = np.random.default_rng(seed)
    size = 160
    grid = [(x, y) for y in range(10, size - 10, 20) for x in range(10, size - 10, 20)]
    yy, xx = np.mgrid[0:size, 0:size]
    rows = []
    for k in range(files):
        name = "field-%d.fits" % k
        image = rng.normal(0.0, 1.0, (size, size))
        places = rng.permutation(len(grid))[:per_file]
        for p in places:
            x, y = grid[p]
            cls = int(rng.integers(0, 3))
            flux = float(rng.uniform(150.0, 300.0))
            if cls < 2:
                sigma = 1.0 if cls == 0 else 3.5
                image += flux / (2 * np.pi * sigma ** 2) * np.exp(-((xx - x) ** 2 + (yy - y) ** 2) / (2 * sigma ** 2))
            rows.append((name, x, y, cls, flux if cls < 2 else 0.0))
        image = image.astype(np.float32)
        image[0, 0] = np.nan
        fits.PrimaryHDU(image).writeto(os.path.join(out, name), overwrite=True)
        for (n, x, y, cls, flux) in rows:
            if n == name:
                stamp = image[y - 8:y + 8, x - 8:x + 8].astype(np.float64)
                print(n, x, y, cls, repr(float(stamp.sum())))
    cols = [fits.Column(name="FILE", format="16A", array=np.array([r[0] for r in rows])),
            fits.Column(name="X", format="J", array=np.array([r[1] for r in rows], dtype=np.int32)),
            fits.Column(name="Y", format="J", array=np.array([r[2] for r in rows], dtype=np.int32)),
            fits.Column(name="CLASS", format="J", array=np.array([r[3] for r in rows], dtype=np.int32)),
            fits.Column(name="FLUX", format="E", unit="count", array=np.array([r[4] for r in rows], dtype=np.float32))]
    fits.BinTableHDU.from_columns(cols, name="CATALOG").writeto(os.path.join(out, "catalog.fits"), overwrite=True)


if __name__ == "__main__":
    main()
