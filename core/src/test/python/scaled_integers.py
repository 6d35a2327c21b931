"""Images of scaled integers (BSCALE/BZERO, BLANK) for the tile-compression tests, and their checks.

Usage:
  scaled_integers.py make DIR
      writes the test images with astropy into DIR and prints one line per file: NAME PLIO
      (PLIO: whether PLIO_1 can store its integers: all of them from 0 to 2^24 - 1)
  scaled_integers.py check LIST
      for each line of LIST, ORIGINAL ALGORITHM COMPRESSED UNPACKED..., compares a compressed copy of ORIGINAL's primary image (HDU 1 of COMPRESSED) with ORIGINAL:
      its ZCMPTYPE, ZBITPIX and tile size (those fpack chooses), the BSCALE/BZERO/BLANK astropy reads, the values astropy reads
      (those of fpack's compression of ORIGINAL with ALGORITHM, and when ORIGINAL has BSCALE or BZERO
      also those of ORIGINAL, NaN where BLANK: astropy ignores a BLANK without them in compressed
      images, in fpack's as in ours), and for each UNPACKED file (funpack's or jfits' decompression) its
      BITPIX, BSCALE, BZERO, BLANK and stored integers; prints one line per line of LIST: OK or the
      first difference
  scaled_integers.py reference LIST
      for each line of LIST, ORIGINAL RAW DTYPE, compares RAW (a little-endian dump of DTYPE values) with the physical values of ORIGINAL's
      primary image computed by numpy: stored * BSCALE + BZERO in float64, rounded once to DTYPE,
      NaN where the stored value is BLANK; prints one line per line of LIST: OK and the number of
      NaN, or the difference
"""
import subprocess
import sys
import tempfile

import numpy as np
from astropy.io import fits

SCALING = ("BITPIX", "BSCALE", "BZERO", "BLANK")
FPACK = {"RICE_1": "-r", "GZIP_1": "-g1", "GZIP_2": "-g2", "HCOMPRESS_1": "-h", "PLIO_1": "-p"}


def write(path, stored, bscale, bzero, blank=None):
    hdu = fits.PrimaryHDU(stored)
    if bscale != 1 or bzero != 0:
        hdu.header["BSCALE"] = bscale
        hdu.header["BZERO"] = bzero
    if blank is not None:
        hdu.header["BLANK"] = blank
    hdu.header["OBJECT"] = "scaled integers"
    hdu.writeto(path, overwrite=True)


def make(folder):
    rng = np.random.default_rng(5)
    int16 = rng.integers(-3000, 3000, size=(4, 30, 50)).astype(np.int16)
    int16[1, 3, 4:9] = -32768
    int32 = rng.integers(-10**6, 10**6, size=(45, 60)).astype(np.int32)
    blank_only = rng.integers(-10**5, 10**5, size=(33, 47)).astype(np.int32)
    blank_only[::7, ::5] = -2**31
    uint8 = rng.integers(0, 255, size=(40, 64)).astype(np.uint8)
    uint8[10:12, 20:30] = 255
    mask = rng.integers(1, 900, size=(50, 70)).astype(np.int16)
    mask[5, :] = 999
    mask[6, :20] = 0
    cases = [
        ("int16_blank", int16, 0.5, 100.0, -32768, False),
        ("int32", int32, 0.001, -5.0, None, False),
        ("int32_blank_only", blank_only, 1, 0, -2**31, False),
        ("uint8_blank", uint8, 2.0, -10.0, 255, True),
        ("int16_plio", mask, 0.25, 3.0, 999, True),
    ]
    for name, stored, bscale, bzero, blank, plio in cases:
        write(f"{folder}/{name}.fits", stored, bscale, bzero, blank)
        print(name, plio)


def stored_hdu(path, index):
    with fits.open(path, do_not_scale_image_data=True) as hdul:
        hdu = hdul[index]
        return {k: hdu.header.get(k) for k in SCALING}, np.array(hdu.data)


def check(original, algorithm, compressed, unpacked):
    keys, stored = stored_hdu(original, 0)
    physical = np.array(fits.getdata(original))
    with fits.open(compressed, disable_image_compression=True) as hdul:
        table = hdul[1].header.copy()
        if table["ZCMPTYPE"] != algorithm or table["ZBITPIX"] != keys["BITPIX"]:
            return f"{compressed}: ZCMPTYPE {table['ZCMPTYPE']}, ZBITPIX {table['ZBITPIX']}"
        for k in SCALING[1:]:
            if table.get(k) != keys[k]:
                return f"{compressed}: {k} = {table.get(k)}, not {keys[k]}"
    ours = np.array(fits.getdata(compressed, 1))
    with tempfile.TemporaryDirectory() as folder:
        packed = f"{folder}/fpack.fz"
        subprocess.run(["fpack", FPACK[algorithm], "-O", packed, original], check=True)
        fpacked = np.array(fits.getdata(packed, 1))
        with fits.open(packed, disable_image_compression=True) as hdul:
            tiles = [hdul[1].header[f"ZTILE{i + 1}"] for i in range(hdul[1].header["ZNAXIS"])]
    ours_tiles = [table[f"ZTILE{i + 1}"] for i in range(table["ZNAXIS"])]
    if ours_tiles != tiles:
        return f"{compressed}: tiles {ours_tiles}, fpack's {tiles}"
    if ours.dtype != fpacked.dtype or not np.array_equal(ours, fpacked, equal_nan=True):
        return f"{compressed}: astropy reads other values ({ours.dtype}) than from fpack's ({fpacked.dtype})"
    scaled = keys["BSCALE"] is not None or keys["BZERO"] is not None
    if scaled and (ours.dtype != physical.dtype or not np.array_equal(ours, physical, equal_nan=True)):
        return f"{compressed}: astropy reads other values ({ours.dtype}) than from {original} ({physical.dtype})"
    for path in unpacked:
        index = 0 if fits.getheader(path, 0)["NAXIS"] else 1
        got_keys, got = stored_hdu(path, index)
        if got_keys != keys:
            return f"{path}: {got_keys}, not {keys}"
        if got.dtype != stored.dtype or not np.array_equal(got, stored):
            return f"{path}: other stored integers than {original}"
        if fits.getheader(path, index).get("OBJECT") != fits.getheader(original).get("OBJECT"):
            return f"{path}: OBJECT lost"
    return "OK"


def reference(original, raw, dtype):
    keys, stored = stored_hdu(original, 0)
    values = stored.astype(np.float64) * (keys["BSCALE"] or 1.0) + (keys["BZERO"] or 0.0)
    values = values.astype(dtype)
    if keys["BLANK"] is not None:
        values[stored == keys["BLANK"]] = np.nan
    got = np.fromfile(raw, dtype=np.dtype(dtype).newbyteorder("<")).reshape(values.shape)
    if not np.array_equal(got, values, equal_nan=True):
        bad = np.argwhere(~((got == values) | (np.isnan(got) & np.isnan(values))))[0]
        return f"differs at {tuple(bad)}: {got[tuple(bad)]} instead of {values[tuple(bad)]}"
    return f"OK {int(np.isnan(values).sum())}"


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "check":
        with open(sys.argv[2]) as cases:
            for case in cases:
                original, algorithm, compressed, *unpacked = case.split()
                print(check(original, algorithm, compressed, unpacked))
    else:
        with open(sys.argv[2]) as cases:
            for case in cases:
                print(reference(*case.split()))
