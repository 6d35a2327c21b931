"""Prints astropy's checksum verdicts: one line per HDU, 'FILE INDEX DATASUM CHECKSUM', with the
codes of verify_datasum() and verify_checksum(): 0 failure, 1 success, 2 card missing.
Compressed images are verified as the binary tables that hold them; a DATASUM that is not a
number counts as a failure.

usage: checksum_reference.py FILE...
"""
import sys
import warnings

from astropy.io import fits

warnings.simplefilter("ignore")
for path in sys.argv[1:]:
    with fits.open(path, disable_image_compression=True) as hdul:
        for i, hdu in enumerate(hdul):
            try:
                datasum = hdu.verify_datasum()
            except ValueError:  # a DATASUM that is not a number (e.g. '') cannot match
                datasum = 0
            print(path, i, datasum, hdu.verify_checksum())
