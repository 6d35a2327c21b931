"""Prints the cards of one HDU as astropy reads them, one per line, tab-separated:
keyword, value type, value (reals as float.hex, logicals as T/F), comment.

usage: header_cards.py FILE HDU
Exits non-zero if astropy warns about the file (any warning is turned into an error).
"""
import sys
import warnings

from astropy.io import fits

warnings.simplefilter("error")
with fits.open(sys.argv[1]) as hdul:
    header = hdul[int(sys.argv[2])].header
    for card in header.cards:
        value = card.value
        if isinstance(value, bool):
            kind, text = "bool", "T" if value else "F"
        elif isinstance(value, int):
            kind, text = "int", str(value)
        elif isinstance(value, float):
            kind, text = "float", value.hex()
        else:
            kind, text = "str", str(value)
        print("\t".join([card.keyword, kind, text, card.comment]))
