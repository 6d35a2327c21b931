"""The Python side of the table export comparison (run.py drives it): astropy and fitsio, timed
in-process. One request per stdin line `LIB OP FILE OUTDIR`, answered with `OK seconds bytes` (the
size of the file written). Each converts HDU 1 of FILE, every row and column, and forces the file to
disk with os.fsync inside the timing (jfits' writers force their files too):
- astropy: Table.read(FILE, hdu=1) (astropy's default: read into memory, TNULL and NaN masked),
  then Table.write(OUTDIR/out-astropy.OP, overwrite=True): `csv` (format ascii.csv) or `fits`.
- fitsio: `fits` only: fitsio.read(FILE, ext=1) then fitsio.write(OUTDIR/out-fitsio.fits, clobber=True).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import request_loop  # noqa: E402  the request loop shared by the Python workers


def convert(lib, op, path, target):
    if lib == "astropy":
        from astropy.table import Table
        table = Table.read(path, hdu=1)
        table.write(target, format="ascii.csv" if op == "csv" else "fits", overwrite=True)
    elif lib == "fitsio" and op == "fits":
        import fitsio
        fitsio.write(target, fitsio.read(path, ext=1), clobber=True)
    else:
        raise ValueError("no %s %s" % (lib, op))
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return os.path.getsize(target)


def prepare(p):
    lib, op, path, outdir = p
    target = os.path.join(outdir, "out-%s.%s" % (lib, op))
    return lambda: convert(lib, op, path, target)


def main():
    import astropy.io.fits  # noqa: F401  (both libraries imported before the first timed request)
    import astropy.table  # noqa: F401
    import fitsio  # noqa: F401
    request_loop.serve(prepare, checksum=lambda size: size)


if __name__ == "__main__":
    main()
