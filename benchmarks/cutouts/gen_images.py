"""Writes the cutout benchmark's inputs: square float32 images (astropy, an independent writer) and
the box files every library cuts, deterministic (PCG64 seeded by image size and op).

Usage: gen_images.py OUT_DIR SIZE...
Files: OUT_DIR/img-SIZE.fits and OUT_DIR/boxes-SIZE-OP.txt (one box a line: x y w h, 0-based
column and row of the first pixel; every box inside the image, so all libraries cut the same pixels).
Ops: one32 = 1 box of 32 x 32 at the centre, r100x32 = 100 random 32 x 32 boxes, r1000x16 = 1000
random 16 x 16 boxes. Existing images are kept.

Sky cutouts: OUT_DIR/sky-SIZE.fits, the same kind of image with a TAN WCS (1 arcsec square pixels,
reference pixel at the centre, RA 150.1, DEC 2.2, ICRS), and OUT_DIR/sky-SIZE-skyR.txt for radii R =
15, 30, 60 arcsec: a first line "radius R", then 100 random positions "ra dec" (degrees, astropy's
all_pix2world of pixel positions at least 70 pixels from every edge, so every box lies inside).
"""
import os
import sys

import numpy as np
from astropy.io import fits

OPS = {"one32": (1, 32), "r100x32": (100, 32), "r1000x16": (1000, 16)}
SKY_RADII = (15, 30, 60)
SKY_POSITIONS = 100
SKY_MARGIN = 70


def sky_inputs(out, size):
    """The TAN image and the position files of the sky cutout ops."""
    from astropy.wcs import WCS
    image = os.path.join(out, "sky-%d.fits" % size)
    hdu = fits.PrimaryHDU(np.random.default_rng([size, 1]).standard_normal((size, size), dtype=np.float32))
    for k, v in {"CTYPE1": "RA---TAN", "CTYPE2": "DEC--TAN", "CRPIX1": size / 2 + 0.5, "CRPIX2": size / 2 + 0.5,
                 "CRVAL1": 150.1, "CRVAL2": 2.2, "CDELT1": -1 / 3600, "CDELT2": 1 / 3600, "CUNIT1": "deg",
                 "CUNIT2": "deg", "RADESYS": "ICRS"}.items():
        hdu.header[k] = v
    if not os.path.exists(image):
        hdu.writeto(image + ".tmp", overwrite=True)
        os.replace(image + ".tmp", image)
    w = WCS(hdu.header)
    for radius in SKY_RADII:
        rng = np.random.default_rng([size, radius])
        x = rng.uniform(SKY_MARGIN, size - 1 - SKY_MARGIN, SKY_POSITIONS)
        y = rng.uniform(SKY_MARGIN, size - 1 - SKY_MARGIN, SKY_POSITIONS)
        ra, dec = w.all_pix2world(x, y, 0)
        with open(os.path.join(out, "sky-%d-sky%d.txt" % (size, radius)), "w") as f:
            f.write("radius %d\n" % radius)
            for r, d in zip(ra, dec):
                f.write("%r %r\n" % (float(r), float(d)))


def main(out, sizes):
    os.makedirs(out, exist_ok=True)
    for size in sizes:
        image = os.path.join(out, "img-%d.fits" % size)
        if not os.path.exists(image):
            rng = np.random.default_rng(size)
            data = rng.standard_normal((size, size), dtype=np.float32)
            fits.PrimaryHDU(data).writeto(image + ".tmp", overwrite=True)
            os.replace(image + ".tmp", image)
        for op, (n, side) in OPS.items():
            rng = np.random.default_rng([size, n, side])
            if n == 1:
                boxes = [((size - side) // 2, (size - side) // 2)]
            else:
                boxes = zip(rng.integers(0, size - side + 1, n), rng.integers(0, size - side + 1, n))
            with open(os.path.join(out, "boxes-%d-%s.txt" % (size, op)), "w") as f:
                for x, y in boxes:
                    f.write("%d %d %d %d\n" % (x, y, side, side))
        sky_inputs(out, size)


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2:]])
