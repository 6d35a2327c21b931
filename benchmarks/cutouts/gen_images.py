"""Writes the cutout benchmark's inputs: square float32 images (astropy, an independent writer) and
the box files every library cuts, deterministic (PCG64 seeded by image size and op).

Usage: gen_images.py OUT_DIR SIZE...
Files: OUT_DIR/img-SIZE.fits and OUT_DIR/boxes-SIZE-OP.txt (one box a line: x y w h, 0-based
column and row of the first pixel; every box inside the image, so all libraries cut the same pixels).
Ops: one32 = 1 box of 32 x 32 at the centre, r100x32 = 100 random 32 x 32 boxes, r1000x16 = 1000
random 16 x 16 boxes. Existing images are kept.
"""
import os
import sys

import numpy as np
from astropy.io import fits

OPS = {"one32": (1, 32), "r100x32": (100, 32), "r1000x16": (1000, 16)}


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


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2:]])
