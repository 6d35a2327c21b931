"""astropy's make_lupton_rgb on bands of real FITS files, for LuptonRgbTest and PreviewRgbTest.

usage: lupton_reference.py OUT.rgb MINIMUM STRETCH Q BAND BAND BAND [PNG]

MINIMUM is one number or three, comma-separated (red, green, blue); each BAND is
FILE|HDU|START|SHAPE, START and SHAPE comma-separated in numpy order, the section's last two axes
being the image. OUT.rgb receives the uint8 array of shape (rows, columns, 3) as raw bytes; with PNG,
astropy also writes the picture there itself (matplotlib's imsave, origin='lower').
"""
import sys

import numpy as np
from astropy.io import fits
from astropy.visualization import make_lupton_rgb


def band(spec):
    name, hdu, start, shape = spec.split("|")
    start = [int(s) for s in start.split(",")]
    shape = [int(s) for s in shape.split(",")]
    with fits.open(name) as f:
        data = f[int(hdu)].data
        section = data[tuple(slice(a, a + n) for a, n in zip(start, shape))]
        return np.array(section).reshape(shape[-2], shape[-1])


out, minimum, stretch, q = sys.argv[1:5]
bands = [band(s) for s in sys.argv[5:8]]
png = sys.argv[8] if len(sys.argv) > 8 else None
minima = [float(m) for m in minimum.split(",")]
with np.errstate(invalid="ignore"):
    rgb = make_lupton_rgb(*bands, minimum=minima[0] if len(minima) == 1 else minima,
                          stretch=float(stretch), Q=float(q), filename=png)
assert rgb.dtype == np.uint8 and rgb.shape == bands[0].shape + (3,)
with open(out, "wb") as f:
    f.write(rgb.tobytes())
print(" ".join(str(b.dtype) for b in bands))
