#!/usr/bin/python3
"""astropy.visualization's display limits and stretches, for org.jfits.render's tests.

Usage: render_reference.py FITS_DATA_DIR OUTPUT_DIR

Writes to OUTPUT_DIR:
  * generated_<name>.f8: generated arrays (little-endian float64, row-major) with NaN, infinities,
    outliers, constant and tiny cases; shapes in generated.txt as "name rows columns";
  * limits.txt: "case interval vmin vmax" for every case (the real images named as in IMAGES, read
    by astropy with scaling, and the generated arrays) and the intervals minmax,
    percentile=99.5, percentile=90 and zscale; vmin/vmax as Python repr (exact doubles);
  * stretch.txt: "stretch x y" for astropy's LinearStretch, SqrtStretch, LogStretch() and
    AsinhStretch() at values x from -0.25 to 1.25 (clipped to [0, 1] by astropy);
  * colormaps.txt: "name index rrggbb" from matplotlib's cmap(index, bytes=True).
Nothing here is computed by jfits.
"""
import os
import sys

import matplotlib
import numpy as np
from astropy.io import fits
from astropy.visualization import (AsinhStretch, LinearStretch, LogStretch, MinMaxInterval,
                                   PercentileInterval, SqrtStretch, ZScaleInterval)

IMAGES = ["real/fv_ngc1316o.fits", "real/pdl_m51.fits", "real/eso_isaac_1024.fits",
          "real/astropy_1904-66_AZP.fits", "real/astropy_dss.fits.gz"]
INTERVALS = {"minmax": MinMaxInterval(), "percentile=99.5": PercentileInterval(99.5),
             "percentile=90": PercentileInterval(90), "zscale": ZScaleInterval()}


def generated():
    rng = np.random.default_rng(20240611)
    cases = {}
    noisy = rng.normal(100.0, 5.0, (200, 300))
    noisy[50:60, 70:80] += 5000.0  # a bright star
    noisy[::17, ::13] = np.nan
    noisy[3, 4] = np.inf
    noisy[5, 6] = -np.inf
    cases["noisy"] = noisy
    ramp = np.arange(64 * 48, dtype=np.float64).reshape(64, 48) ** 1.5
    cases["ramp"] = ramp
    cases["tiny"] = np.array([[3.0, 1.0], [2.0, np.nan]])
    cases["constant"] = np.full((10, 10), 7.5)
    cases["sparse"] = np.where(rng.random((120, 90)) < 0.05, rng.exponential(1000.0, (120, 90)), 0.0)
    return cases


def main(data_dir, out):
    os.makedirs(out, exist_ok=True)
    cases = {}
    for name in IMAGES:
        with fits.open(os.path.join(data_dir, name)) as hdul:
            cases[name] = np.asarray(hdul[0].data)
    with open(os.path.join(out, "generated.txt"), "w") as shapes:
        for name, array in generated().items():
            array.astype("<f8").tofile(os.path.join(out, "generated_%s.f8" % name))
            shapes.write("%s %d %d\n" % (name, array.shape[0], array.shape[1]))
            cases[name] = array
    with open(os.path.join(out, "limits.txt"), "w") as limits:
        for case, array in cases.items():
            for interval, algorithm in INTERVALS.items():
                vmin, vmax = algorithm.get_limits(array)
                limits.write("%s %s %r %r\n" % (case, interval, float(vmin), float(vmax)))
    xs = np.concatenate([np.linspace(-0.25, 1.25, 61), [1e-6, 1e-3, 0.0123, 0.5, 0.999]])
    stretches = {"linear": LinearStretch(), "sqrt": SqrtStretch(), "log": LogStretch(), "asinh": AsinhStretch()}
    with open(os.path.join(out, "stretch.txt"), "w") as text:
        for name, stretch in stretches.items():
            for x, y in zip(xs, stretch(xs.copy())):
                text.write("%s %r %r\n" % (name, float(x), float(y)))
    with open(os.path.join(out, "colormaps.txt"), "w") as text:
        for name in ("gray", "viridis", "magma", "inferno"):
            colors = matplotlib.colormaps[name](np.arange(256), bytes=True)
            for index, (r, g, b, _) in enumerate(colors):
                text.write("%s %d %02x%02x%02x\n" % (name, index, r, g, b))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
