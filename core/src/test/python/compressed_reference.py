"""Reference pixels of tile-compressed images, for CompressedParityTest.

Usage: compressed_reference.py FITS_DATA_DIR OUTPUT_DIR

1. Finds every tile-compressed image HDU (astropy's CompImageHDU) in FITS_DATA_DIR/real and
   FITS_DATA_DIR/derived (gzip-compressed files are opened by astropy as they are).
2. Writes small uncompressed images with numpy and astropy (BITPIX 8, 16, 32, 64, -32, -64; BZERO
   unsigned conventions, a scaled integer image; NaNs in float images; 3-D cubes; sizes that are not
   multiples of the tile size) into OUTPUT_DIR/fixtures, and compresses them with cfitsio's fpack
   (-r, -g, -g2, -h, -h -s, -p, -d, tile shapes with -t and -w, -q / -q0 / -qz / -qt levels, -i2f)
   and with astropy's CompImageHDU (HCOMPRESS with SMOOTH, PLIO, dither seeds) into OUTPUT_DIR/fz.
   fpack (cfitsio 4.2) cannot compress BITPIX 64 images: those runs fail and are listed under
   "skipped" in cases.json, so no 64-bit compressed image is compared.
3. For every compressed HDU, saves the array astropy's ``fits.open(f)[i].data`` returns as .npy
   (little-endian) and lists it in OUTPUT_DIR/cases.json with its dtype, shape and compression.

astropy 5.2 ignores ZBLANK in quantised float images: it returns the dequantised ZBLANK integer
instead of NaN (derived/azp_rice_nan.fits.fz, every fpack'ed float image with NaNs; fitsio does the
same). For float images the reference is astropy's array with NaN at the undefined pixels: those NaN
in the image that was compressed (generated files) or in cfitsio's funpack output (test data; the
script checks that funpack and astropy agree everywhere else). funpack itself is not the reference
there, since it garbles tiles of several rows that hold undefined pixels (f32_rice_q77_t20x20: rows
1-19 and 100-119 come out wrong). astropy 5.2 cannot read NOCOMPRESS tiles: there the reference is
funpack's output. Cases say which ("reference" and "note"). Nothing in the references comes from
jfits.

Not covered: lossy HCOMPRESS (SCALE > 0) of float images with undefined pixels. astropy returns
ordinary-looking values at those pixels (its decoder does not give back the ZBLANK integers of a
lossy tile, probably 32-bit arithmetic); jfits decodes in 64 bits (nom-tam-fits) and finds ZBLANK,
so such pixels differ. The lossy HCOMPRESS fixtures have no NaNs.
"""
import glob
import json
import os
import subprocess
import sys
import warnings

import numpy as np
from astropy.io import fits

warnings.simplefilter("ignore")
DATA, OUT = sys.argv[1], sys.argv[2]
FIXTURES = os.path.join(OUT, "fixtures")
PACKED = os.path.join(OUT, "fz")
for d in (FIXTURES, PACKED):
    os.makedirs(d, exist_ok=True)
rng = np.random.default_rng(20261204)


def smooth_noise(shape, scale, offset):
    """Noise plus a gradient and a few bright spots: compressible, but not trivially."""
    grids = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
    base = sum(g * (i + 1) for i, g in enumerate(grids)) * 0.3
    spots = np.zeros(shape)
    for _ in range(5):
        centre = [rng.integers(0, n) for n in shape]
        r2 = sum((g - c) ** 2 for g, c in zip(grids, centre))
        spots += 50 * np.exp(-r2 / 20.0)
    return offset + base + spots + rng.normal(0, scale, shape)


def write(name, data, **keywords):
    path = os.path.join(FIXTURES, name + ".fits")
    hdu = fits.PrimaryHDU(data)
    for key, value in keywords.items():
        hdu.header[key] = value
    hdu.writeto(path, overwrite=True)
    return path


def write_scaled(name, stored, bscale, bzero):
    """An integer image whose stored values are `stored`, with BSCALE/BZERO written as given."""
    path = os.path.join(FIXTURES, name + ".fits")
    hdu = fits.PrimaryHDU(stored)
    hdu.header["BSCALE"] = bscale
    hdu.header["BZERO"] = bzero
    hdu.writeto(path, overwrite=True)
    # astropy writes stored as given only when scaling is left alone: check
    with fits.open(path, do_not_scale_image_data=True) as check:
        assert np.array_equal(check[0].data, stored), path
    return path


def fixtures():
    images = {}
    images["u8"] = write("u8", np.clip(smooth_noise((150, 200), 20, 100), 0, 255).astype(np.uint8))
    i16 = np.round(smooth_noise((217, 300), 30, -200)).astype(np.int16)
    images["i16"] = write("i16", i16)
    images["u16"] = write("u16", (i16.astype(np.int32) + 40000).astype(np.uint16))
    images["i16_scaled"] = write_scaled("i16_scaled", i16, 0.5, 10.0)
    images["i32"] = write("i32", np.round(smooth_noise((131, 255), 5000, 100000)).astype(np.int32))
    images["i64"] = write("i64", np.round(smooth_noise((40, 70), 1000, 1e12)).astype(np.int64))
    f32 = smooth_noise((190, 250), 3.0, 10.0).astype(np.float32)
    f32[5, 7] = np.nan
    f32[100:103, 20:30] = np.nan
    f32[50, :] = 0.0
    images["f32"] = write("f32", f32)
    images["f32_finite"] = write("f32_finite", smooth_noise((190, 250), 3.0, 10.0).astype(np.float32))
    f64 = smooth_noise((97, 130), 2.0, -5.0)
    f64[10, 10:20] = np.nan
    f64[30, :] = 0.0
    images["f64"] = write("f64", f64)
    images["cube_i16"] = write("cube_i16", np.round(smooth_noise((7, 30, 40), 10, 500)).astype(np.int16))
    images["cube_f32"] = write("cube_f32", smooth_noise((5, 21, 33), 2.0, 0.0).astype(np.float32))
    mask = np.zeros((120, 170), dtype=np.int16)
    mask[10:40, 20:90] = 3
    mask[60:100, 50:60] = 1
    mask[::7, ::11] = 5
    mask[110:, 100:] = 4095
    images["mask_i16"] = write("mask_i16", mask)
    images["mask_u8"] = write("mask_u8", (mask % 200).astype(np.uint8))
    images["big_i16"] = write("big_i16", np.round(smooth_noise((1100, 1500), 25, 1000)).astype(np.int16))
    return images


# fpack runs: (fixture, case name, options)
FPACK = [
    ("u8", "rice", ["-r"]), ("u8", "gzip1", ["-g"]), ("u8", "gzip2", ["-g2"]), ("u8", "plio", ["-p"]),
    ("u8", "hcompress", ["-h"]),
    ("i16", "rice", ["-r"]), ("i16", "rice_t17x13", ["-r", "-t", "17,13"]), ("i16", "rice_whole", ["-r", "-w"]),
    ("i16", "gzip1", ["-g"]), ("i16", "gzip2_t64x5", ["-g2", "-t", "64,5"]), ("i16", "hcompress", ["-h"]),
    ("i16", "hcompress_s2", ["-h", "-s", "2"]), ("i16", "hcompress_t50x40", ["-h", "-t", "50,40"]),
    ("i16", "nocompress", ["-d"]), ("i16", "i2f", ["-i2f", "-q", "4", "-n3min", "1"]),
    ("u16", "rice", ["-r"]), ("u16", "gzip2", ["-g2"]),
    ("i16_scaled", "rice", ["-r"]), ("i16_scaled", "hcompress", ["-h"]),
    ("i32", "rice", ["-r"]), ("i32", "rice_t31x7", ["-r", "-t", "31,7"]), ("i32", "gzip1", ["-g"]),
    ("i32", "gzip2", ["-g2"]), ("i32", "hcompress", ["-h"]), ("i32", "hcompress_s3", ["-h", "-s", "3"]),
    ("i64", "gzip1", ["-g"]), ("i64", "gzip2", ["-g2"]), ("i64", "rice", ["-r"]),
    ("f32", "rice_q4", ["-r", "-q", "4"]), ("f32", "rice_q16", ["-r", "-q", "16"]),
    ("f32", "rice_q0", ["-r", "-q0", "4"]), ("f32", "rice_qz4", ["-r", "-qz", "4"]),
    ("f32", "rice_qt4", ["-r", "-qt", "4"]), ("f32", "rice_q77_t20x20", ["-r", "-q77", "4", "-t", "20,20"]),
    ("f32", "rice_qabs", ["-r", "-q", "-0.01"]), ("f32", "gzip1_q4", ["-g", "-q", "4"]),
    ("f32", "gzip2_q4", ["-g2", "-q", "4"]), ("f32", "gzip1_lossless", ["-g", "-q", "0"]),
    ("f32", "gzip2_lossless", ["-g2", "-q", "0"]), ("f32", "hcompress_q4", ["-h", "-q", "4"]),
    ("f32_finite", "hcompress_qz8_s1", ["-h", "-qz", "8", "-s", "1"]),
    ("f64", "rice_q4", ["-r", "-q", "4"]), ("f64", "rice_qz2", ["-r", "-qz", "2"]),
    ("f64", "gzip2_lossless", ["-g2", "-q", "0"]), ("f64", "hcompress_q4", ["-h", "-q", "4"]),
    ("cube_i16", "rice", ["-r"]), ("cube_i16", "rice_t9x8x3", ["-r", "-t", "9,8,3"]),
    ("cube_i16", "gzip2", ["-g2"]), ("cube_f32", "rice_q4", ["-r", "-q", "4"]),
    ("cube_f32", "rice_qz4_t10x10x2", ["-r", "-qz", "4", "-t", "10,10,2"]),
    ("mask_i16", "plio", ["-p"]), ("mask_i16", "plio_t13x11", ["-p", "-t", "13,11"]),
    ("mask_u8", "plio", ["-p"]),
    ("big_i16", "rice_t100x100", ["-r", "-t", "100,100"]),
]


def fpack_all(images, skipped):
    made = []
    for fixture, name, options in FPACK:
        out = os.path.join(PACKED, f"{fixture}_{name}.fits.fz")
        if os.path.exists(out):
            os.remove(out)
        run = subprocess.run(["fpack", *options, "-O", out, images[fixture]], capture_output=True, text=True)
        if run.returncode != 0 or not os.path.exists(out):
            skipped.append({"file": out, "why": "fpack " + " ".join(options) + ": " + (run.stderr or run.stdout).strip()})
            continue
        made.append((out, "fpack " + " ".join(options) + " " + fixture, images[fixture]))
    return made


def astropy_written(images):
    """Compressions fpack cannot ask for: HCOMPRESS with SMOOTH, chosen dither seeds and methods."""
    made = []
    specs = [
        ("i16", "hcompress_smooth", dict(compression_type="HCOMPRESS_1", hcomp_scale=2.5, hcomp_smooth=1,
                                         tile_size=[300, 40])),
        ("f32_finite", "hcompress_smooth_q8", dict(compression_type="HCOMPRESS_1", hcomp_scale=1, hcomp_smooth=1,
                                            quantize_level=8, tile_size=[250, 19])),
        ("f32", "rice_dither2_seed9999", dict(compression_type="RICE_1", quantize_method=2, dither_seed=9999,
                                              quantize_level=4)),
        ("f32", "rice_nodither", dict(compression_type="RICE_1", quantize_method=-1, quantize_level=4)),
        ("mask_i16", "plio_astropy", dict(compression_type="PLIO_1")),
        ("i32", "rice_bytepix", dict(compression_type="RICE_1", tile_size=[255, 1])),
    ]
    for fixture, name, options in specs:
        out = os.path.join(PACKED, f"{fixture}_{name}.fits")
        data = fits.getdata(images[fixture])
        header = fits.getheader(images[fixture])
        hdul = fits.HDUList([fits.PrimaryHDU(), fits.CompImageHDU(data, header=header, **options)])
        hdul.writeto(out, overwrite=True)
        made.append((out, "astropy CompImageHDU " + ", ".join(f"{k}={v}" for k, v in options.items()),
                     images[fixture]))
    return made


def hdul_columns(path, index):
    with fits.open(path, disable_image_compression=True) as hdul:
        return [c.upper() for c in hdul[index].columns.names]


def little_endian(array):
    return np.ascontiguousarray(array.astype(array.dtype.newbyteorder("<")))


def funpacked(path, index, workdir):
    """HDU `index` of `path` unpacked by funpack, read by astropy (None if funpack fails)."""
    out = os.path.join(workdir, "funpack.fits")
    if os.path.exists(out):
        os.remove(out)
    run = subprocess.run(["funpack", "-O", out, path], capture_output=True, text=True)
    if run.returncode != 0:
        return None
    with fits.open(out) as hdul:
        # funpack writes the primary HDU first; a compressed primary image becomes HDU 0
        if len(hdul) <= index:
            index = 0
        data = hdul[index].data
        return None if data is None else np.array(data)


def main():
    skipped = []
    images = fixtures()
    files = []
    for folder in ("real", "derived"):
        for path in sorted(glob.glob(os.path.join(DATA, folder, "*"))):
            files.append((path, folder + "/" + os.path.basename(path), "test data", None))
    for path, how, source in fpack_all(images, skipped) + astropy_written(images):
        files.append((path, "generated/" + os.path.basename(path), how, source))
    cases = []
    for path, key, how, source in files:
        try:
            with fits.open(path) as hdul:
                indices = [i for i, h in enumerate(hdul) if isinstance(h, fits.CompImageHDU)]
        except Exception as e:  # files astropy cannot open are covered by the other reference
            continue
        for index in indices:
            with fits.open(path) as hdul:
                hdu = hdul[index]
                table = hdu._header
                try:
                    data = np.array(hdu.data)
                    failure = None
                except ValueError as e:  # astropy 5.2 has no NOCOMPRESS decoder
                    data, failure = None, str(e)
                case = {
                    "key": key, "path": os.path.abspath(path), "hdu": index, "how": how,
                    "cmptype": table.get("ZCMPTYPE"), "quantize": table.get("ZQUANTIZ"),
                    "tiles": [table.get(f"ZTILE{i + 1}") for i in range(table["ZNAXIS"])],
                    "reference": "astropy", "note": None,
                }
            unpacked = funpacked(path, index, OUT)
            if data is None:
                assert unpacked is not None, path
                case["reference"] = "funpack"
                case["note"] = f"astropy 5.2 cannot read it ({failure}); the reference is funpack's array"
                data = unpacked
            elif data.dtype.kind == "f" and ("ZBLANK" in table or "ZBLANK" in hdul_columns(path, index)):
                # astropy ignores ZBLANK: the undefined pixels are those NaN in the image that was
                # compressed (generated files), or NaN in funpack's output (files of the test data)
                if source is not None:
                    nulls = np.isnan(fits.getdata(source))
                    origin = "the source image"
                else:
                    assert unpacked is not None and unpacked.shape == data.shape, path
                    nulls = np.isnan(unpacked)
                    origin = "funpack's output"
                    same = np.array_equal(unpacked[~nulls], data[~nulls])
                    assert same, f"{path}: astropy and funpack differ outside the undefined pixels"
                added = int(np.sum(nulls & ~np.isnan(data)))
                if added:
                    data = data.copy()
                    data[nulls] = np.nan
                    case["reference"] = "astropy+nulls"
                    case["note"] = (f"astropy 5.2 ignores ZBLANK: {added} undefined pixels (NaN in {origin}) "
                                    "set to NaN in astropy's array")
            case["dtype"] = data.dtype.name
            case["shape"] = list(data.shape)
            raw = None
            if data.dtype.kind in "iu":
                try:
                    with fits.open(path, do_not_scale_image_data=True) as raw_list:
                        raw = np.array(raw_list[index].data)
                except ValueError:
                    raw = None
            stem = key.replace("/", "__") + f"__hdu{index}"
            np.save(os.path.join(OUT, stem + ".npy"), little_endian(data))
            case["npy"] = stem + ".npy"
            if raw is not None:
                np.save(os.path.join(OUT, stem + ".raw.npy"), little_endian(raw))
                case["rawNpy"] = stem + ".raw.npy"
                case["rawDtype"] = raw.dtype.name
            cases.append(case)
    with open(os.path.join(OUT, "cases.json"), "w") as out:
        json.dump({"cases": cases, "skipped": skipped}, out, indent=1)
    print(len(cases), "cases,", len(skipped), "fpack runs skipped")
    for s in skipped:
        print("skipped:", s)


main()
