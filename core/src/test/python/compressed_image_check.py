"""Checks tile-compressed images written by jfits against funpack and astropy.

Usage: compressed_image_check.py MANIFEST.jsonl

Each manifest line describes one written file:
  name, fz (our compressed file), unpacked (funpack's output of it), and the original pixels:
  either raw (a little-endian dump), dtype and shape, or source (a FITS file whose primary image it is);
  exact (true: lossless) or, for quantised floats, the error jfits reports (max_error).

For each file prints one line: NAME OK MAX_ERROR MAX_HALF_STEP LOSSLESS_TILES (tiles kept as gzipped
floats), or NAME FAIL REASON.
"""
import json
import sys

import numpy as np
from astropy.io import fits


def first_image(hdul):
    for hdu in hdul:
        if hdu.data is not None:
            return hdu.data
    raise ValueError("no image")


def same_type(a, b):
    """Whether two dtypes are the same type, whatever their byte order."""
    return a.kind == b.kind and a.itemsize == b.itemsize


def check(case):
    with fits.open(case["unpacked"]) as hdul:
        unpacked = np.array(first_image(hdul))
    with fits.open(case["fz"], disable_image_compression=True) as hdul:
        names = hdul[1].columns.names
        algorithm = hdul[1].header["ZCMPTYPE"]
        zscale = np.array(hdul[1].data["ZSCALE"]) if "ZSCALE" in names else None
        if "GZIP_COMPRESSED_DATA" in names:
            lossless_tiles = sum(1 for cell in hdul[1].data["GZIP_COMPRESSED_DATA"] if len(cell) > 0)
        else:
            lossless_tiles = 0
    # astropy 5.2 does not decompress NOCOMPRESS (cfitsio does): only funpack's output is checked
    direct = unpacked if algorithm == "NOCOMPRESS" else None
    if direct is None:
        with fits.open(case["fz"]) as hdul:
            hdu = hdul[1]
            if not isinstance(hdu, fits.CompImageHDU):
                return "FAIL astropy does not see a compressed image"
            direct = np.array(hdu.data)
    if "raw" in case:
        original = np.fromfile(case["raw"], dtype=np.dtype(case["dtype"]).newbyteorder("<"))
        original = original.reshape(case["shape"]).astype(np.dtype(case["dtype"]))
    else:
        original = np.array(fits.getdata(case["source"]))
    # astropy 5.2 does not apply the signed-byte convention (BZERO = -128) to compressed images and
    # reads them as float32; the values must still agree
    signed_bytes = unpacked.dtype == np.int8 and direct.dtype == np.float32
    if same_type(direct.dtype, unpacked.dtype) is False and not signed_bytes:
        return f"FAIL astropy reads {direct.dtype}, funpack's output {unpacked.dtype}"
    if direct.shape != unpacked.shape:
        return f"FAIL astropy's decompression has shape {direct.shape}, funpack's {unpacked.shape}"
    same = direct == unpacked
    if unpacked.dtype.kind == "f":
        # astropy 5.2 ignores ZBLANK in quantised float images (fpack's files too) and returns the
        # dequantised null value where cfitsio returns NaN: only the other pixels are compared
        same |= np.isnan(unpacked)
    if not np.all(same):
        bad = np.argwhere(~same)
        first = tuple(bad[0])
        return (f"FAIL astropy's decompression differs from funpack's at {len(bad)} pixels, first "
                f"{list(first)}: {direct[first]} != {unpacked[first]}")
    if unpacked.shape != original.shape:
        return f"FAIL shape {unpacked.shape}, expected {original.shape}"
    if case["exact"]:
        if not same_type(unpacked.dtype, original.dtype):
            return f"FAIL dtype {unpacked.dtype}, expected {original.dtype}"
        if not np.array_equal(unpacked, original, equal_nan=True):
            bad = np.argwhere(~((unpacked == original) | (np.isnan(unpacked) & np.isnan(original))
                                if unpacked.dtype.kind == "f" else unpacked != original))
            return f"FAIL values differ at {len(bad)} pixels, first {bad[0].tolist()}"
        return "OK 0 0 %d" % lossless_tiles
    if unpacked.dtype.kind != "f" or not same_type(unpacked.dtype, original.dtype):
        return f"FAIL dtype {unpacked.dtype}, expected {original.dtype}"
    if not np.array_equal(np.isnan(unpacked), np.isnan(original)):
        return "FAIL NaN pixels differ"
    good = ~np.isnan(original)
    error = float(np.max(np.abs(unpacked[good].astype(np.float64) - original[good].astype(np.float64)))) \
        if good.any() else 0.0
    half_step = float(np.max(zscale)) / 2 if zscale is not None and len(zscale) else 0.0
    return "OK %r %r %d" % (error, half_step, lossless_tiles)


def main():
    with open(sys.argv[1]) as manifest:
        for line in manifest:
            case = json.loads(line)
            try:
                verdict = check(case)
            except Exception as e:  # report, do not stop: the other files are still checked
                verdict = f"FAIL {type(e).__name__}: {e}"
            print(case["name"], verdict, flush=True)


if __name__ == "__main__":
    main()
