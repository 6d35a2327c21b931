"""Prints every HDU of a FITS file as astropy reads it, for comparison with the values written.

usage: image_readback.py FILE [raw]
Per HDU: a line 'hdu INDEX EXTNAME EXTVER DTYPE SHAPE' (SHAPE comma-separated, '-' for no data), then a
line 'values ...' with the data in C order (integers in decimal, reals as float.hex). With 'raw',
scaled data are read unscaled (the stored integers). Any astropy warning is an error.
"""
import sys
import warnings

from astropy.io import fits

warnings.simplefilter("error")
raw = len(sys.argv) > 2 and sys.argv[2] == "raw"
with fits.open(sys.argv[1], do_not_scale_image_data=raw) as hdul:
    for i, hdu in enumerate(hdul):
        data = hdu.data
        shape = "-" if data is None else ",".join(str(n) for n in data.shape)
        dtype = "-" if data is None else data.dtype.name
        print("hdu", i, hdu.header.get("EXTNAME", "-"), hdu.header.get("EXTVER", "-"), dtype, shape)
        if data is None:
            print("values")
        elif data.dtype.kind == "f":
            print(" ".join(["values"] + [float(v).hex() for v in data.ravel()]))
        else:
            print(" ".join(["values"] + [str(int(v)) for v in data.ravel()]))
